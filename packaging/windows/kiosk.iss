; Inno Setup script for the terminal on Windows: installs the PyInstaller bundle (dist\kiosk), puts the
; configuration and data under ProgramData (ASCII paths: Japanese user names in profile paths break some
; tools), upgrades the database after installing, and never overwrites kiosk.toml.
; Compile on Windows with Inno Setup 6:  iscc packaging\windows\kiosk.iss
; NOT TESTED: see README.md beside this file.

#define AppName "E-certificate terminal"
#define AppVersion "0.1.0"
#define Bundle "..\..\dist\kiosk"

[Setup]
AppId={{6F0C2B1E-6A53-4C7B-9A2E-3B8D1E7C4A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=E-certificate terminal team
DefaultDirName={autopf}\Kiosk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
OutputDir=..\..\dist
OutputBaseFilename=kiosk-terminal-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ChangesEnvironment=yes
; Code signing: the signing key lives on a hardware token (required for code-signing certificates since
; June 2023). Define the tool once in the IDE or on the command line, e.g.
;   iscc /Ssigntool="signtool.exe sign /fd SHA256 /tr http://timestamp.example /td SHA256 /n $qMunicipality$q $f" kiosk.iss
; and sign kiosk.exe before compiling (signtool sign ... dist\kiosk\kiosk.exe).
SignTool=signtool
SignedUninstaller=yes

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Dirs]
Name: "{commonappdata}\Kiosk\config"; Permissions: users-modify
Name: "{commonappdata}\Kiosk\data"; Permissions: users-modify
Name: "{commonappdata}\Kiosk\logs"; Permissions: users-modify

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; kiosk.toml is written by enrolment; this only creates it when there is none (onlyifdoesntexist).
Source: "kiosk.toml.initial"; DestDir: "{commonappdata}\Kiosk\config"; DestName: "kiosk.toml"; \
    Flags: onlyifdoesntexist uninsneveruninstall

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; \
    ValueName: "KIOSK_CONFIG_DIR"; ValueData: "{commonappdata}\Kiosk\config"; Flags: uninsdeletevalue
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; \
    ValueName: "KIOSK_DATA_DIR"; ValueData: "{commonappdata}\Kiosk\data"; Flags: uninsdeletevalue
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; \
    ValueName: "KIOSK_LOG_DIR"; ValueData: "{commonappdata}\Kiosk\logs"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\kiosk.exe"; Parameters: "db upgrade"; Flags: runhidden waituntilterminated; \
    StatusMsg: "Upgrading the local database..."

[UninstallDelete]
; Nothing under ProgramData: configuration and undelivered records stay after uninstalling.
