<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
    <context>
        <name>errors</name>
        <message>
            <source>Another program is using the card reader. Please call a staff member.</source>
            <translation>別のプログラムがカードリーダーを使用しています。係員をお呼びください。</translation>
        </message>
        <message>
            <source>No card reader is connected. Please call a staff member.</source>
            <translation>カードリーダーが接続されていません。係員をお呼びください。</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the reader.</source>
            <translation>マイナンバーカードをリーダーに置いてください。</translation>
        </message>
        <message>
            <source>Something went wrong. Please call a staff member.</source>
            <translation>問題が発生しました。係員をお呼びください。</translation>
        </message>
        <message>
            <source>The audit trail has been altered. Please call a technician.</source>
            <translation>監査記録が改変されています。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>カードから想定外の応答がありました。カードを置き直してください。再び起きる場合は係員をお呼びください。</translation>
        </message>
        <message>
            <source>The card needs the PIN before it can do this.</source>
            <translation>この操作には暗証番号の入力が必要です。</translation>
        </message>
        <message>
            <source>The card reader service is not running. Please call a staff member.</source>
            <translation>カードリーダーのサービスが動いていません。係員をお呼びください。</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Please call a staff member.</source>
            <translation>カードリーダーの接続が切れました。係員をお呼びください。</translation>
        </message>
        <message>
            <source>The card refused the authorisation. Nothing was changed. Please start again.</source>
            <translation>カードが認可を受け付けませんでした。カードは変更されていません。最初からやり直してください。</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Nothing was changed. Please place the card on the reader again.</source>
            <translation>操作が終わる前にカードが離れました。カードは変更されていません。もう一度カードをリーダーに置いてください。</translation>
        </message>
        <message>
            <source>The card's data could not be read correctly. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>カードのデータを正しく読み取れませんでした。カードを置き直してください。再び起きる場合は係員をお呼びください。</translation>
        </message>
        <message>
            <source>The central service cannot be reached. The terminal will try again automatically.</source>
            <translation>センターのサービスに接続できません。端末が自動的に再試行します。</translation>
        </message>
        <message>
            <source>The central service does not accept this terminal. Please call a technician.</source>
            <translation>センターのサービスがこの端末を受け付けません。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The central service is busy. The terminal will try again automatically.</source>
            <translation>センターのサービスが混み合っています。端末が自動的に再試行します。</translation>
        </message>
        <message>
            <source>The central service refused the request.</source>
            <translation>センターのサービスが要求を受け付けませんでした。</translation>
        </message>
        <message>
            <source>The terminal could not save its records.</source>
            <translation>端末が記録を保存できませんでした。</translation>
        </message>
        <message>
            <source>The terminal is not set up correctly. Please call a technician.</source>
            <translation>端末の設定が正しくありません。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The terminal's disk is full. Records are safe; please call a technician.</source>
            <translation>端末のディスクがいっぱいです。記録は保護されています。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The terminal's records are busy. Please try again in a moment.</source>
            <translation>端末の記録が使用中です。しばらくしてからもう一度お試しください。</translation>
        </message>
        <message>
            <source>The terminal's records are damaged. Please call a technician.</source>
            <translation>端末の記録が破損しています。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The terminal's records were written by a newer version of this software. Please call a technician.</source>
            <translation>端末の記録はこのソフトウェアより新しい版で書かれています。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The {pin} is locked after too many wrong entries. It can be reset at the counter.</source>
            <translation>{pin}は誤入力が続いたためロックされています。窓口で初期化できます。</translation>
        </message>
        <message>
            <source>The {pin} is wrong. Only one try is left: after one more wrong entry it will be locked.</source>
            <translation>{pin}が違います。残りは1回です。次に間違えるとロックされます。</translation>
        </message>
        <message>
            <source>The {pin} is wrong. {tries} tries are left.</source>
            <translation>{pin}が違います。残りは{tries}回です。</translation>
        </message>
        <message>
            <source>There is a problem with the card or the reader.</source>
            <translation>カードまたはカードリーダーに問題があります。</translation>
        </message>
        <message>
            <source>There is a problem with the central service.</source>
            <translation>センターのサービスに問題があります。</translation>
        </message>
        <message>
            <source>This card is not a My Number Card. Please check the card and try again.</source>
            <translation>このカードはマイナンバーカードではありません。カードを確認して、もう一度お試しください。</translation>
        </message>
        <message>
            <source>This is a Basic Resident Register card. It cannot be used here. Please apply for a My Number Card at the counter.</source>
            <translation>これは住民基本台帳カードです。ここでは使用できません。窓口でマイナンバーカードを申請してください。</translation>
        </message>
        <message>
            <source>This {pin} cannot be used. {detail}</source>
            <translation>この{pin}は使用できません。{detail}</translation>
        </message>
        <message>
            <source>The operation was cancelled.</source>
            <translation>操作は取り消されました。</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal. Please call a staff member.</source>
            <translation>このカードはこの端末での発行操作に対応していません。係員をお呼びください。</translation>
        </message>
        <message>
            <source>This terminal is not enrolled with the central service. A technician runs: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</source>
            <translation>この端末は中央サービスに登録されていません。技術者が次を実行してください: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</translation>
        </message>
    </context>
    <context>
        <name>pins</name>
        <message>
            <source>4-digit PIN</source>
            <translation>暗証番号（数字4桁）</translation>
        </message>
        <message>
            <source>It must have at least {minimum} characters.</source>
            <translation>{minimum}文字以上で入力してください。</translation>
        </message>
        <message>
            <source>It must have at most {maximum} characters.</source>
            <translation>{maximum}文字以内で入力してください。</translation>
        </message>
        <message>
            <source>Nothing was entered.</source>
            <translation>何も入力されていません。</translation>
        </message>
        <message>
            <source>The two entries do not match. Please enter it again.</source>
            <translation>2回の入力が一致しません。もう一度入力してください。</translation>
        </message>
        <message>
            <source>Use digits only.</source>
            <translation>数字だけで入力してください。</translation>
        </message>
        <message>
            <source>Use only the letters A to Z and the digits 0 to 9.</source>
            <translation>英字A～Zと数字0～9だけで入力してください。</translation>
        </message>
        <message>
            <source>card-info PIN (4 digits)</source>
            <translation>券面事項入力補助用暗証番号（数字4桁）</translation>
        </message>
        <message>
            <source>password (6 or more characters)</source>
            <translation>パスワード（6文字以上）</translation>
        </message>
        <message>
            <source>resident-register PIN (4 digits)</source>
            <translation>住民基本台帳用暗証番号（数字4桁）</translation>
        </message>
        <message>
            <source>signing password (6 to 16 characters)</source>
            <translation>署名用電子証明書のパスワード（6～16文字）</translation>
        </message>
        <message>
            <source>user-authentication PIN (4 digits)</source>
            <translation>利用者証明用電子証明書の暗証番号（数字4桁）</translation>
        </message>
    </context>
    <context>
        <name>cardsim</name>
        <message>
            <source>No virtual reader answers on port {port}. Is pcscd running with the vpcd driver?</source>
            <translation>ポート{port}で仮想リーダーが応答しません。pcscdがvpcdドライバー付きで動いているか確認してください。</translation>
        </message>
        <message>
            <source>The card profile cannot be used: {reason}</source>
            <translation>このカードプロファイルは使用できません: {reason}</translation>
        </message>
        <message>
            <source>The card was inserted and removed {count} times; the reader noticed it {noticed} times.</source>
            <translation>カードを{count}回抜き差ししました。リーダーが検知したのは{noticed}回です。</translation>
        </message>
        <message>
            <source>The virtual card was removed.</source>
            <translation>仮想カードを取り外しました。</translation>
        </message>
        <message>
            <source>Virtual card "{profile}" is in the virtual reader on port {port}. Press Ctrl+C to remove it.</source>
            <translation>仮想カード「{profile}」がポート{port}の仮想リーダーに置かれています。Ctrl+Cで取り外します。</translation>
        </message>
        <message>
            <source>born {birth}, card expires {card}, certificates expire {certificate}</source>
            <translation>生年月日 {birth}、カード有効期限 {card}、証明書有効期限 {certificate}</translation>
        </message>
        <message>
            <source>{name}: {description}</source>
            <translation>{name}: {description}</translation>
        </message>
        <message>
            <source>{pin}: {value} ({tries} of {maximum} tries left)</source>
            <translation>{pin}: {value}（残り{tries}回／{maximum}回）</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>#{id}  {key}  sequence {sequence}  {kind} ({outcome}, {date})  rejected {when}: {reason}</source>
            <translation>#{id}  {key}  通番 {sequence}  {kind}（{outcome}、{date}）  拒否 {when}: {reason}</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>住所</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>カード</translation>
        </message>
        <message>
            <source>Checked for</source>
            <translation>判定日</translation>
        </message>
        <message>
            <source>Database: {path} ({size} bytes)</source>
            <translation>データベース: {path}（{size}バイト）</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <source>Delivered {delivered} (of which {duplicates} the central service already held); rejected {rejected}; still pending {pending}.</source>
            <translation>送信済み {delivered}件（うちセンターが受信済みだったもの {duplicates}件）、拒否 {rejected}件、未送信 {pending}件。</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>診断情報</translation>
        </message>
        <message>
            <source>Enter the current {pin}: </source>
            <translation>現在の{pin}を入力してください: </translation>
        </message>
        <message>
            <source>Enter the new {pin} again: </source>
            <translation>新しい{pin}をもう一度入力してください: </translation>
        </message>
        <message>
            <source>Enter the new {pin}: </source>
            <translation>新しい{pin}を入力してください: </translation>
        </message>
        <message>
            <source>Enter the {pin}: </source>
            <translation>{pin}を入力してください: </translation>
        </message>
        <message>
            <source>Entry {entry}: entries from here on were added outside the trail.</source>
            <translation>記録{entry}: ここから先の記録は監査記録の外で追加されました。</translation>
        </message>
        <message>
            <source>Entry {entry}: entries were removed here.</source>
            <translation>記録{entry}: ここで記録が削除されています。</translation>
        </message>
        <message>
            <source>Entry {entry}: its content was altered.</source>
            <translation>記録{entry}: 内容が改変されています。</translation>
        </message>
        <message>
            <source>Entry {entry}: its link to the entry before it is broken (an entry before it was replaced or inserted).</source>
            <translation>記録{entry}: 直前の記録とのつながりが壊れています（前の記録が置き換えられたか、挿入されています）。</translation>
        </message>
        <message>
            <source>Entry {entry}: the entries from here to the end were removed.</source>
            <translation>記録{entry}: ここから最後までの記録が削除されています。</translation>
        </message>
        <message>
            <source>Everything matches.</source>
            <translation>すべて一致しています。</translation>
        </message>
        <message>
            <source>Expired on {date}: a new certificate is issued at the counter.</source>
            <translation>{date}に有効期限が切れました。窓口で新しい証明書を発行します。</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>有効期限</translation>
        </message>
        <message>
            <source>Journal mode: {mode}</source>
            <translation>ジャーナルモード: {mode}</translation>
        </message>
        <message>
            <source>LOCKED: it can be reset at the counter.</source>
            <translation>ロック中: 窓口で初期化できます。</translation>
        </message>
        <message>
            <source>Last delivery: {when}</source>
            <translation>最終送信: {when}</translation>
        </message>
        <message>
            <source>Last error: {when}: {error}</source>
            <translation>最後のエラー: {when}: {error}</translation>
        </message>
        <message>
            <source>My Number Card (current generation)</source>
            <translation>マイナンバーカード（現行）</translation>
        </message>
        <message>
            <source>My Number Card (next generation)</source>
            <translation>マイナンバーカード（次期）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>No transaction has been rejected.</source>
            <translation>拒否された取引はありません。</translation>
        </message>
        <message>
            <source>No transactions on this day.</source>
            <translation>この日の取引はありません。</translation>
        </message>
        <message>
            <source>Not due yet: renewal opens on {date}.</source>
            <translation>まだ更新できません。{date}から更新できます。</translation>
        </message>
        <message>
            <source>Not valid yet: valid from {date}.</source>
            <translation>まだ有効ではありません。{date}から有効です。</translation>
        </message>
        <message>
            <source>Oldest pending: recorded {when} ({age} ago)</source>
            <translation>最も古い未送信: {when}に記録（{age}前）</translation>
        </message>
        <message>
            <source>Once the cause is fixed, queue one again with `kiosk outbox retry ID`.</source>
            <translation>原因を直したら、`kiosk outbox retry ID` で再送できます。</translation>
        </message>
        <message>
            <source>Outbox row {id} is not rejected (it is {state}); nothing to retry.</source>
            <translation>送信待ち行{id}は拒否されていません（状態: {state}）。再送するものはありません。</translation>
        </message>
        <message>
            <source>PINs</source>
            <translation>暗証番号</translation>
        </message>
        <message>
            <source>Pending: {pending}   Rejected: {rejected}   Delivered (kept): {delivered}</source>
            <translation>未送信: {pending}   拒否: {rejected}   送信済み（保存中）: {delivered}</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>カードリーダー</translation>
        </message>
        <message>
            <source>Reconciliation of {site} on {date} (terminal {terminal})</source>
            <translation>{site}の{date}の突合（端末 {terminal}）</translation>
        </message>
        <message>
            <source>Rejected transactions are kept: see `kiosk outbox rejected`.</source>
            <translation>拒否された取引は保存されています。`kiosk outbox rejected` で確認できます。</translation>
        </message>
        <message>
            <source>Renewal</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Renewal is possible now (since {date}).</source>
            <translation>現在更新できます（{date}から）。</translation>
        </message>
        <message>
            <source>Schema revision: {revision} (this version knows up to {head})</source>
            <translation>スキーマ版: {revision}（このバージョンは{head}まで対応）</translation>
        </message>
        <message>
            <source>Sending is PAUSED since {when}: the central service refuses this terminal ({reason}). A technician must check the terminal's token or certificate, then run `kiosk outbox sync`.</source>
            <translation>{when}から送信を一時停止しています。センターがこの端末を受け付けません（{reason}）。技術担当者が端末のトークンまたは証明書を確認し、`kiosk outbox sync` を実行してください。</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>シリアル番号</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性別</translation>
        </message>
        <message>
            <source>Some transactions were refused by the central service: see `kiosk outbox rejected`.</source>
            <translation>センターが拒否した取引があります。`kiosk outbox rejected` で確認してください。</translation>
        </message>
        <message>
            <source>The audit trail is intact ({entries} entries).</source>
            <translation>監査記録は改変されていません（{entries}件）。</translation>
        </message>
        <message>
            <source>The central service has not received these sequence numbers of {terminal}: {missing}</source>
            <translation>センターは{terminal}の次の通番を受信していません: {missing}</translation>
        </message>
        <message>
            <source>The database is sound and the audit trail is intact ({entries} entries).</source>
            <translation>データベースは正常で、監査記録も改変されていません（{entries}件）。</translation>
        </message>
        <message>
            <source>The database needs an upgrade: run `kiosk db upgrade` (the terminal also does it when it starts).</source>
            <translation>データベースの更新が必要です。`kiosk db upgrade` を実行してください（端末の起動時にも自動で行われます）。</translation>
        </message>
        <message>
            <source>The database {path} is at schema revision {revision} (the newest this version knows).</source>
            <translation>データベース{path}のスキーマ版は{revision}です（このバージョンの最新）。</translation>
        </message>
        <message>
            <source>The {pin} is correct.</source>
            <translation>{pin}は正しいです。</translation>
        </message>
        <message>
            <source>The {pin} was changed.</source>
            <translation>{pin}を変更しました。</translation>
        </message>
        <message>
            <source>There is no database at {path} yet: the terminal creates it when it starts (or run `kiosk db upgrade`).</source>
            <translation>{path}にはまだデータベースがありません。端末の起動時に作成されます（または `kiosk db upgrade` を実行してください）。</translation>
        </message>
        <message>
            <source>There is no outbox row {id}.</source>
            <translation>送信待ち行{id}はありません。</translation>
        </message>
        <message>
            <source>This database was written by a newer version of the terminal software.</source>
            <translation>このデータベースは、より新しい版の端末ソフトウェアで書かれています。</translation>
        </message>
        <message>
            <source>Transaction records: {n}; outbox rows: {m}</source>
            <translation>取引記録: {n}件、送信待ち行: {m}件</translation>
        </message>
        <message>
            <source>Transaction {key} (outbox row {id}) is queued again. It is sent with the next delivery; `kiosk outbox sync` sends it now.</source>
            <translation>取引{key}（送信待ち行{id}）を再送に戻しました。次回の送信で送られます。すぐに送るには `kiosk outbox sync` を実行してください。</translation>
        </message>
        <message>
            <source>Type yes to use the last try: </source>
            <translation>最後の1回を使うには yes（または はい）と入力してください: </translation>
        </message>
        <message>
            <source>User-authentication certificate</source>
            <translation>利用者証明用電子証明書</translation>
        </message>
        <message>
            <source>Valid from</source>
            <translation>有効期間の開始</translation>
        </message>
        <message>
            <source>Warning: the {pin} has only one try left. If this try is wrong, the PIN is locked and can only be reset at the counter.</source>
            <translation>注意: {pin}の残り回数は1回です。間違えるとロックされ、窓口でしか初期化できません。</translation>
        </message>
        <message>
            <source>card placed on the reader</source>
            <translation>カードが置かれました</translation>
        </message>
        <message>
            <source>card reader service running</source>
            <translation>カードリーダーのサービスが動いています</translation>
        </message>
        <message>
            <source>card reader service stopped</source>
            <translation>カードリーダーのサービスが止まりました</translation>
        </message>
        <message>
            <source>card taken off the reader</source>
            <translation>カードが取り外されました</translation>
        </message>
        <message>
            <source>central</source>
            <translation>センター</translation>
        </message>
        <message>
            <source>delivered, but the central service does not have it</source>
            <translation>送信済みですが、センターにありません</translation>
        </message>
        <message>
            <source>female</source>
            <translation>女性</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>種別</translation>
        </message>
        <message>
            <source>male</source>
            <translation>男性</translation>
        </message>
        <message>
            <source>never</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>まだありません</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>該当なし</translation>
        </message>
        <message>
            <source>outcome</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>reader connected</source>
            <translation>カードリーダーが接続されました</translation>
        </message>
        <message>
            <source>reader disconnected</source>
            <translation>カードリーダーが外されました</translation>
        </message>
        <message>
            <source>refused by the central service (see `kiosk outbox rejected`)</source>
            <translation>センターが拒否しました（`kiosk outbox rejected` を参照）</translation>
        </message>
        <message>
            <source>still in this terminal's outbox (not sent yet)</source>
            <translation>この端末の送信待ちにあります（未送信）</translation>
        </message>
        <message>
            <source>terminal</source>
            <translation>端末</translation>
        </message>
        <message>
            <source>the central service has it as {kind} ({outcome})</source>
            <translation>センターでは{kind}（{outcome}）として記録されています</translation>
        </message>
        <message>
            <source>the central service has it, this terminal does not</source>
            <translation>センターにはありますが、この端末にはありません</translation>
        </message>
        <message>
            <source>{apdus} APDUs, {ms} ms card I/O</source>
            <translation>APDU {apdus}回、カード通信 {ms} ms</translation>
        </message>
        <message>
            <source>{date} (expired {days} days ago)</source>
            <translation>{date}（{days}日前に期限切れ）</translation>
        </message>
        <message>
            <source>{date} ({days} days left)</source>
            <translation>{date}（残り{days}日）</translation>
        </message>
        <message>
            <source>{days} days</source>
            <translation>{days}日</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours}時間{minutes}分</translation>
        </message>
        <message>
            <source>{key}  {terminal} #{sequence}  {kind} ({outcome}): {why}</source>
            <translation>{key}  {terminal} #{sequence}  {kind}（{outcome}）: {why}</translation>
        </message>
        <message>
            <source>{left} of {max} tries left</source>
            <translation>残り{left}回／{max}回</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes}分</translation>
        </message>
        <message>
            <source>{n} differences.</source>
            <translation>相違 {n}件。</translation>
        </message>
        <message>
            <source> (issues new certificates)</source>
            <translation>（新しい証明書を発行）</translation>
        </message>
        <message>
            <source>Fingerprint: {fingerprint}</source>
            <translation>フィンガープリント: {fingerprint}</translation>
        </message>
        <message>
            <source>Training PKI: {directory}</source>
            <translation>研修用PKI: {directory}</translation>
        </message>
        <message>
            <source>The reference central service is not installed here ({modules} missing). Install it with: {command}</source>
            <translation>この環境には参照用中央サービスがインストールされていません（{modules} がありません）。次のコマンドでインストールしてください: {command}</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>Central service: {url}</source>
            <translation>センターのサービス: {url}</translation>
        </message>
        <message>
            <source>Database: {url}</source>
            <translation>データベース: {url}</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>完了しました。</translation>
        </message>
        <message>
            <source>Inserting a virtual My Number Card (profile: {profile})</source>
            <translation>仮想マイナンバーカードを置きます（プロファイル: {profile}）</translation>
        </message>
        <message>
            <source>Reader: {reader}</source>
            <translation>カードリーダー: {reader}</translation>
        </message>
        <message>
            <source>Recorded transaction #{sequence} ({key}).</source>
            <translation>取引 #{sequence} を記録しました（{key}）。</translation>
        </message>
        <message>
            <source>Recording the check and delivering it to the central service</source>
            <translation>確認の記録とセンターへの送信</translation>
        </message>
        <message>
            <source>Starting the PC/SC service and the local central service</source>
            <translation>PC/SCサービスとローカルのセンターサービスを起動します</translation>
        </message>
        <message>
            <source>The central service acknowledged {count} transaction(s).</source>
            <translation>センターが{count}件の取引を受信しました。</translation>
        </message>
        <message>
            <source>The check screen's read</source>
            <translation>確認画面の読み取り</translation>
        </message>
        <message>
            <source>The virtual reader did not notice the card.</source>
            <translation>仮想リーダーがカードを検知しませんでした。</translation>
        </message>
        <message>
            <source>Watching the readers while the card is removed and inserted {cycles} times</source>
            <translation>カードを{cycles}回抜き差しする間、カードリーダーを監視します</translation>
        </message>
    </context>
    <context>
        <name>diagnose</name>
        <message>
            <source>Card in the reader</source>
            <translation>リーダーのカード</translation>
        </message>
        <message>
            <source>Card reader service (pcscd)</source>
            <translation>カードリーダーサービス（pcscd）</translation>
        </message>
        <message>
            <source>Card readers</source>
            <translation>カードリーダー</translation>
        </message>
        <message>
            <source>Connect the card reader (USB) and check its cable; then run this again.</source>
            <translation>カードリーダー（USB）を接続し、ケーブルを確認してから、もう一度実行してください。</translation>
        </message>
        <message>
            <source>Place a My Number Card (or a training card) on the reader to test it.</source>
            <translation>テストするには、マイナンバーカード（または研修用カード）をリーダーに置いてください。</translation>
        </message>
        <message>
            <source>Place the card again; if it still fails, try another card, then another reader.</source>
            <translation>カードを置き直してください。それでも失敗する場合は、別のカード、次に別のリーダーで試してください。</translation>
        </message>
        <message>
            <source>Set the reader in kiosk.toml to one of the connected readers (kiosk card watch lists them).</source>
            <translation>kiosk.toml の reader を接続中のリーダーのいずれかに設定してください（kiosk card watch で一覧できます）。</translation>
        </message>
        <message>
            <source>Start the card reader service: systemctl start pcscd (or pcscd --foreground).</source>
            <translation>カードリーダーサービスを起動してください: systemctl start pcscd（または pcscd --foreground）。</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>異常</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>注意</translation>
        </message>
        <message>
            <source>Central service</source>
            <translation>中央サービス</translation>
        </message>
        <message>
            <source>Check the central service line above; then run kiosk outbox sync (kiosk outbox status shows the last error).</source>
            <translation>上の中央サービスの行を確認してから、kiosk outbox sync を実行してください（最後のエラーは kiosk outbox status で確認できます）。</translation>
        </message>
        <message>
            <source>Check the network cable and the central service's address in kiosk.toml (central_url); ask the central service's operator whether it is up.</source>
            <translation>ネットワークケーブルと kiosk.toml の中央サービスのアドレス（central_url）を確認し、中央サービスが稼働しているか運用担当者に確認してください。</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>時計</translation>
        </message>
        <message>
            <source>Create it: kiosk db upgrade (the terminal also does it when it starts).</source>
            <translation>作成してください: kiosk db upgrade（端末の起動時にも作成されます）。</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>ディスプレイ</translation>
        </message>
        <message>
            <source>Enrol the terminal again with a new code: {command}</source>
            <translation>新しいコードで端末を再登録してください: {command}</translation>
        </message>
        <message>
            <source>Enrol the terminal: {command}</source>
            <translation>端末を登録してください: {command}</translation>
        </message>
        <message>
            <source>Free disk space</source>
            <translation>ディスクの空き容量</translation>
        </message>
        <message>
            <source>Free disk space (old logs, downloads); records are kept until delivered.</source>
            <translation>ディスクの空きを作ってください（古いログ、ダウンロードなど）。記録は送信されるまで保持されます。</translation>
        </message>
        <message>
            <source>Install Japanese fonts: apt-get install fonts-noto-cjk.</source>
            <translation>日本語フォントをインストールしてください: apt-get install fonts-noto-cjk。</translation>
        </message>
        <message>
            <source>Japanese fonts</source>
            <translation>日本語フォント</translation>
        </message>
        <message>
            <source>Local database</source>
            <translation>ローカルデータベース</translation>
        </message>
        <message>
            <source>Records refused by the central service</source>
            <translation>中央サービスに拒否された記録</translation>
        </message>
        <message>
            <source>Records waiting for the central service</source>
            <translation>中央サービスへの送信待ちの記録</translation>
        </message>
        <message>
            <source>Remove the virtual reader (apt-get remove vsmartcard-vpcd) and restart pcscd.</source>
            <translation>仮想リーダーを削除し（apt-get remove vsmartcard-vpcd）、pcscd を再起動してください。</translation>
        </message>
        <message>
            <source>Renew it now: kiosk provision renew (the daily timer should have).</source>
            <translation>今すぐ更新してください: kiosk provision renew（本来は毎日のタイマーが更新します）。</translation>
        </message>
        <message>
            <source>Review them with kiosk outbox rejected, fix the cause, then kiosk outbox retry ID.</source>
            <translation>kiosk outbox rejected で確認し、原因を直してから kiosk outbox retry ID を実行してください。</translation>
        </message>
        <message>
            <source>Run this in the terminal's graphical session (the kiosk session starts cage), or check that the display is connected and the session is running.</source>
            <translation>端末のグラフィカルセッション（キオスクセッションは cage を起動します）で実行するか、ディスプレイの接続とセッションの起動を確認してください。</translation>
        </message>
        <message>
            <source>Set the clock from the network: timedatectl set-ntp true (or the site's NTP server).</source>
            <translation>ネットワークから時計を合わせてください: timedatectl set-ntp true（または拠点の NTP サーバー）。</translation>
        </message>
        <message>
            <source>Stop the terminal, copy the data directory aside and call the support desk; do not delete the database (undelivered records are in it).</source>
            <translation>端末を停止し、データディレクトリを別の場所にコピーしてサポート窓口に連絡してください。データベースは削除しないでください（未送信の記録が入っています）。</translation>
        </message>
        <message>
            <source>Terminal certificate</source>
            <translation>端末証明書</translation>
        </message>
        <message>
            <source>Terminal identity</source>
            <translation>端末の識別情報</translation>
        </message>
        <message>
            <source>The service does not accept this terminal: check the URL, then enrol again ({command}).</source>
            <translation>中央サービスがこの端末を受け付けません。URL を確認してから再登録してください（{command}）。</translation>
        </message>
        <message>
            <source>Upgrade it: kiosk db upgrade.</source>
            <translation>アップグレードしてください: kiosk db upgrade。</translation>
        </message>
        <message>
            <source>Virtual card reader</source>
            <translation>仮想カードリーダー</translation>
        </message>
    </context>
    <context>
        <name>provision</name>
        <message>
            <source>Enrolled: terminal {terminal} at {site} ({mode}); certificate valid until {until}.</source>
            <translation>登録しました: 端末 {terminal}（{site}、{mode}）。証明書の有効期限は {until} です。</translation>
        </message>
        <message>
            <source>Settings written to {path}.</source>
            <translation>設定を {path} に書き込みました。</translation>
        </message>
        <message>
            <source>The central service refused the enrolment ({reason}).</source>
            <translation>中央サービスが登録を拒否しました（{reason}）。</translation>
        </message>
        <message>
            <source>The central service's CA does not have the fingerprint you gave. Nothing was changed: check the fingerprint and the URL.</source>
            <translation>中央サービスの CA のフィンガープリントが指定された値と一致しません。何も変更していません。フィンガープリントと URL を確認してください。</translation>
        </message>
        <message>
            <source>The terminal certificate is not due for renewal (valid until {until}).</source>
            <translation>端末証明書はまだ更新時期ではありません（有効期限 {until}）。</translation>
        </message>
        <message>
            <source>The terminal certificate was renewed; valid until {until}.</source>
            <translation>端末証明書を更新しました。有効期限は {until} です。</translation>
        </message>
        <message>
            <source>This enrolment code has expired. Ask for a new one (kiosk central enrol-code).</source>
            <translation>この登録コードは有効期限が切れています。新しいコードを依頼してください（kiosk central enrol-code）。</translation>
        </message>
        <message>
            <source>This enrolment code is not known to the central service. Check it, or ask for a new one.</source>
            <translation>この登録コードは中央サービスにありません。コードを確認するか、新しいコードを依頼してください。</translation>
        </message>
        <message>
            <source>This enrolment code was already used. Ask for a new one (kiosk central enrol-code).</source>
            <translation>この登録コードは使用済みです。新しいコードを依頼してください（kiosk central enrol-code）。</translation>
        </message>
    </context>
</TS>
