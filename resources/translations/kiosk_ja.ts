<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
    <context>
        <name>errors</name>
        <message>
            <source>Another program is using the card reader. Please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No card reader is connected. Please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please place your My Number Card on the reader.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong. Please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit trail has been altered. Please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card gave an unexpected answer. Please place the card again; if this happens again, please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card needs the PIN before it can do this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card reader service is not running. Please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card reader was disconnected. Please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card refused the authorisation. Nothing was changed. Please start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card was removed before the operation finished. Nothing was changed. Please place the card on the reader again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card's data could not be read correctly. Please place the card again; if this happens again, please call a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The central service cannot be reached. The terminal will try again automatically.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The central service does not accept this terminal. Please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The central service is busy. The terminal will try again automatically.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The central service refused the request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal could not save its records.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal is not set up correctly. Please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal's disk is full. Records are safe; please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal's records are busy. Please try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal's records are damaged. Please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The terminal's records were written by a newer version of this software. Please call a technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {pin} is locked after too many wrong entries. It can be reset at the counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {pin} is wrong. Only one try is left: after one more wrong entry it will be locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {pin} is wrong. {tries} tries are left.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is a problem with the card or the reader.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is a problem with the central service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This card is not a My Number Card. Please check the card and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is a Basic Resident Register card. It cannot be used here. Please apply for a My Number Card at the counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This {pin} cannot be used. {detail}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>pins</name>
        <message>
            <source>4-digit PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It must have at least {minimum} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It must have at most {maximum} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was entered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two entries do not match. Please enter it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use digits only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use only the letters A to Z and the digits 0 to 9.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>card-info PIN (4 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>password (6 or more characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>resident-register PIN (4 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>signing password (6 to 16 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>user-authentication PIN (4 digits)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
