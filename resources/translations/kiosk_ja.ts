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
            <translation type="vanished">カードが認可を受け付けませんでした。カードは変更されていません。最初からやり直してください。</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Nothing was changed. Please place the card on the reader again.</source>
            <translation type="vanished">操作が終わる前にカードが離れました。カードは変更されていません。もう一度カードをリーダーに置いてください。</translation>
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
            <source>A staff member must sign in first.</source>
            <translation>先に職員がサインインしてください。</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Close it and try again.</source>
            <translation>別のプログラムがカードリーダーを使用しています。そのプログラムを終了してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>No card reader is connected. Check the reader's cable.</source>
            <translation>カードリーダーが接続されていません。リーダーのケーブルを確認してください。</translation>
        </message>
        <message>
            <source>Nothing on the card was changed.</source>
            <translation>カードの内容は変更されていません。</translation>
        </message>
        <message>
            <source>On this card one PIN opens both keys, so it cannot prove itself. It can be reset at the counter, after an identity check.</source>
            <translation>このカードでは一つの暗証番号で両方の鍵を使うため、本人確認に使えません。窓口で本人確認のうえ再設定できます。</translation>
        </message>
        <message>
            <source>The card did not keep the new certificate. The card still works with its previous certificate or the new one. Please start the procedure again.</source>
            <translation>カードに新しい証明書が保存されませんでした。カードは以前の証明書または新しい証明書で引き続き使えます。もう一度手続きを始めてください。</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>カードから想定外の応答がありました。住民の方にカードを置き直していただいてください。再び起きる場合はカードが破損している可能性があります。</translation>
        </message>
        <message>
            <source>The card reader service (pcscd) is not running. Restart the terminal; if it persists, call a technician.</source>
            <translation>カードリーダーのサービス（pcscd）が動作していません。端末を再起動し、解決しない場合は技術担当者を呼んでください。</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Check the reader's cable.</source>
            <translation>カードリーダーの接続が切れました。リーダーのケーブルを確認してください。</translation>
        </message>
        <message>
            <source>The card refused the authorisation. Please start again.</source>
            <translation>カードが認可を受け付けませんでした。最初からやり直してください。</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Please place the card on the reader again.</source>
            <translation>処理が終わる前にカードが取り外されました。もう一度カードをリーダーに置いてください。</translation>
        </message>
        <message>
            <source>The card's data could not be read. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>カードのデータを読み取れませんでした。住民の方にカードを置き直していただいてください。再び起きる場合はカードが破損している可能性があります。</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet. Renewal opens on {date}.</source>
            <translation>電子証明書はまだ更新できません。更新は{date}から受け付けます。</translation>
        </message>
        <message>
            <source>The identity check is not complete: one document with a photo, or two without, is needed.</source>
            <translation>本人確認が完了していません。顔写真付きの書類1点、または顔写真なしの書類2点が必要です。</translation>
        </message>
        <message>
            <source>The other PIN is locked too, so you cannot prove who you are here. Both can be reset at the counter, after an identity check.</source>
            <translation>もう一方の暗証番号もロックされているため、ここでは本人確認ができません。窓口で本人確認のうえ、両方を再設定できます。</translation>
        </message>
        <message>
            <source>The procedure stopped part way. What was already done on the card is kept, and the card works. Please place the card on the reader and start the procedure again to finish it.</source>
            <translation>手続きが途中で止まりました。カードに済んだ処理は保たれており、カードは使えます。カードをリーダーに置き、もう一度手続きを始めて完了させてください。</translation>
        </message>
        <message>
            <source>The {pin} is locked. Reset it with an identity check.</source>
            <translation>{pin}はロックされています。本人確認のうえ再設定してください。</translation>
        </message>
        <message>
            <source>This PIN can only be reset at the counter, after an identity check.</source>
            <translation>この暗証番号は、窓口で本人確認のうえでのみ再設定できます。</translation>
        </message>
        <message>
            <source>This can only be done at the counter, with staff.</source>
            <translation>この手続きは窓口で職員と行う必要があります。</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal: use the national issuer's procedure.</source>
            <translation>このカードはこの端末での発行者操作に対応していません。全国の発行機関の手続きを利用してください。</translation>
        </message>
        <message>
            <source>This card has no {pin}.</source>
            <translation>このカードには{pin}がありません。</translation>
        </message>
        <message>
            <source>This terminal is in kiosk mode: staff procedures are not available here.</source>
            <translation>この端末はキオスクモードです。職員用の手続きはここでは利用できません。</translation>
        </message>
        <message>
            <source>The card reader could not pass a command to the card. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>カードリーダーがカードに命令を渡せませんでした。カードを置き直してください。繰り返し起きる場合は係員をお呼びください。</translation>
        </message>
        <message>
            <source>This card does not hold what this procedure needs. Please call a staff member.</source>
            <translation>このカードには、この手続きに必要な情報がありません。係員をお呼びください。</translation>
        </message>
        <message>
            <source>This card has no card-info function, so its details cannot be read here. Please fill in the form by hand.</source>
            <translation>このカードには券面事項入力補助の機能がないため、ここでは記載事項を読み取れません。申請書に手書きでご記入ください。</translation>
        </message>
        <message>
            <source>No calendar is set up for this site.</source>
            <translation>この拠点の開庁カレンダーは設定されていません。</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet on this date: its renewal period has not started.</source>
            <translation>この日付では、まだ証明書を更新できません。更新の受付期間が始まっていません。</translation>
        </message>
        <message>
            <source>The certificate will have expired by this date: it cannot be renewed then, a new one must be issued.</source>
            <translation>この日付には証明書の有効期限が切れています。更新はできず、新規発行となります。</translation>
        </message>
        <message>
            <source>The nearest date that can be booked is {date}.</source>
            <translation>予約できる最も近い日は{date}です。</translation>
        </message>
        <message>
            <source>The office is closed on this date.</source>
            <translation>この日は閉庁日です。</translation>
        </message>
        <message>
            <source>The site calendar has no open day. Please call a technician.</source>
            <translation>開庁カレンダーに開庁日がありません。技術担当者を呼んでください。</translation>
        </message>
        <message>
            <source>This date cannot be booked.</source>
            <translation>この日付は予約できません。</translation>
        </message>
        <message>
            <source>This date has already passed.</source>
            <translation>この日付はすでに過ぎています。</translation>
        </message>
        <message>
            <source>This is not a date. Please type it like 2026-12-04.</source>
            <translation>日付として読めません。2026-12-04 のように入力してください。</translation>
        </message>
        <message>
            <source>{reason} {suggestion}</source>
            <translation>{reason}{suggestion}</translation>
        </message>
        <message>
            <source>The document could not be printed or saved. Nothing else is affected; please call a technician.</source>
            <translation>書類を印刷または保存できませんでした。ほかの処理には影響ありません。技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>The terminal's records are missing or older than the records it made. Nothing will be recorded until a technician checks it.</source>
            <translation>端末の記録が見つからないか、作成済みの記録より古くなっています。技術者が確認するまで記録は行いません。</translation>
        </message>
        <message>
            <source>The report could not be saved there. Please choose another folder or a USB drive.</source>
            <translation>そこには帳票を保存できませんでした。別のフォルダーまたはUSBメモリーを選んでください。</translation>
        </message>
        <message>
            <source>These dates make no report period: the first day must not be after the last, and a report covers at most a year.</source>
            <translation>この日付では集計期間になりません。開始日は終了日より後にできず、期間は最長1年です。</translation>
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
        <message>
            <source>Choose your new {pin}.</source>
            <translation>新しい{pin}を決めて入力してください。</translation>
        </message>
        <message>
            <source>Enter the new {pin} once more.</source>
            <translation>確認のため、新しい{pin}をもう一度入力してください。</translation>
        </message>
        <message>
            <source>Enter your current {pin}, or skip if you have forgotten it.</source>
            <translation>現在の{pin}を入力してください。忘れた場合はスキップしてください。</translation>
        </message>
        <message>
            <source>Enter your current {pin}.</source>
            <translation>現在の{pin}を入力してください。</translation>
        </message>
        <message>
            <source>To prove it is your card, enter your {pin}.</source>
            <translation>ご本人のカードであることを確認するため、{pin}を入力してください。</translation>
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
            <source>No display: the window cannot open here (set DISPLAY, or run under Xvfb).</source>
            <translation>ディスプレイがないため、ここではウィンドウを開けません（DISPLAY を設定するか、Xvfb の下で実行してください）。</translation>
        </message>
        <message>
            <source>At {date} {time}: {state}</source>
            <translation>{date} {time}時点: {state}</translation>
        </message>
        <message>
            <source>Open hours of {site}, {days} days from {date}</source>
            <translation>{site}の開庁時間({date}から{days}日間)</translation>
        </message>
        <message>
            <source>Recording again: the next record takes sequence number {next}. The loss is in the audit trail.</source>
            <translation>記録を再開しました。次の記録の通し番号は {next} です。記録の消失は監査ログに残っています。</translation>
        </message>
        <message>
            <source>Records of this terminal were lost (its last sequence number was {last}). Deliver or export what remains first; then run `kiosk db accept-loss --confirm` to record again, numbering on from {next}.</source>
            <translation>この端末の記録が失われました（最後の通し番号は {last}）。残っている記録を先に送信するか書き出してください。その後 `kiosk db accept-loss --confirm` を実行すると、通し番号 {next} から記録を再開します。</translation>
        </message>
        <message>
            <source>The database is where this terminal left it: nothing to accept.</source>
            <translation>データベースは端末が残した状態のままです。承認するものはありません。</translation>
        </message>
        <message>
            <source>Entry {entry}: the transaction record it recorded was changed.</source>
            <translation>記録{entry}: 記録した取引記録が変更されています。</translation>
        </message>
        <message>
            <source>Entry {entry}: the transaction record it recorded was deleted.</source>
            <translation>記録{entry}: 記録した取引記録が削除されています。</translation>
        </message>
        <message>
            <source>Entry {entry}: what is to be sent for its transaction was changed.</source>
            <translation>記録{entry}: この取引の送信内容が変更されています。</translation>
        </message>
        <message>
            <source>Transaction {entry}: it is not in the audit trail.</source>
            <translation>取引 {entry}: 監査ログに記録がありません。</translation>
        </message>
        <message>
            <source>Entry {entry}: the central service acknowledged it, but the trail no longer holds it as it was (entries were removed or rewritten).</source>
            <translation>記録{entry}: 中央サービスが受領を確認した記録ですが、監査ログに当時のまま残っていません（記録が削除または書き換えられています）。</translation>
        </message>
        <message>
            <source>Cannot write {file}: {reason}</source>
            <translation>{file} に書き込めません: {reason}</translation>
        </message>
        <message>
            <source>{n} outbox rows written to {file}.</source>
            <translation>送信待ちの行 {n} 件を {file} に書き出しました。</translation>
        </message>
        <message>
            <source>{n} transactions recorded under another terminal identity or site were set aside as rejected: see `kiosk outbox rejected`; `kiosk outbox export FILE` writes them out.</source>
            <translation>別の端末IDまたは拠点で記録された取引 {n} 件を拒否済みとして保留しました。`kiosk outbox rejected` で確認でき、`kiosk outbox export FILE` で書き出せます。</translation>
        </message>
        <message>
            <source>No staff member {staff} here.</source>
            <translation>この端末に職員 {staff} は登録されていません。</translation>
        </message>
        <message>
            <source>Passphrase for {staff}: </source>
            <translation>{staff} のパスフレーズ: </translation>
        </message>
        <message>
            <source>The same passphrase again: </source>
            <translation>確認のため同じパスフレーズをもう一度: </translation>
        </message>
        <message>
            <source>The two entries differ; nothing was changed.</source>
            <translation>2回の入力が一致しません。何も変更していません。</translation>
        </message>
        <message>
            <source>{staff} can no longer sign in at this terminal.</source>
            <translation>{staff} はこの端末にサインインできなくなりました。</translation>
        </message>
        <message>
            <source>{staff} can sign in at this terminal.</source>
            <translation>{staff} はこの端末にサインインできます。</translation>
        </message>
        <message>
            <source>Procedures at {site}, {first} to {last} (terminal {terminal})</source>
            <translation>{site}の手続件数　{first}～{last}（端末 {terminal}）</translation>
        </message>
        <message>
            <source>The whole site's counts could not be fetched: {reason}</source>
            <translation>拠点全体の件数を取得できませんでした：{reason}</translation>
        </message>
        <message>
            <source>Written: {path}</source>
            <translation>書き出しました：{path}</translation>
        </message>
        <message>
            <source>site</source>
            <translation>拠点</translation>
        </message>
        <message>
            <source>total</source>
            <translation>合計</translation>
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
        <name>cardinfo</name>
        <message>
            <source>Address</source>
            <translation>住所</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女性</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男性</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>該当なし</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性別</translation>
        </message>
    </context>
    <context>
        <name>check</name>
        <message>
            <source>Card</source>
            <translation>カード</translation>
        </message>
        <message>
            <source>Certificate expires on</source>
            <translation>電子証明書の有効期限</translation>
        </message>
        <message>
            <source>Certificate serial</source>
            <translation>電子証明書のシリアル番号</translation>
        </message>
        <message>
            <source>Locked. It can be reset at the counter, or with your other PIN at a kiosk.</source>
            <translation>ロック中です。窓口で、またはキオスクでもう一方の暗証番号を使って再設定できます。</translation>
        </message>
        <message>
            <source>My Number Card</source>
            <translation>マイナンバーカード</translation>
        </message>
        <message>
            <source>My Number Card (next generation)</source>
            <translation>マイナンバーカード（次期カード）</translation>
        </message>
        <message>
            <source>Nothing to do now. Renewal opens on {date}.</source>
            <translation>今は手続きの必要はありません。更新は{date}から受け付けます。</translation>
        </message>
        <message>
            <source>Only 1 try left of {max}</source>
            <translation>残り1回（{max}回中）</translation>
        </message>
        <message>
            <source>The certificate can be renewed now, at the counter (since {date}).</source>
            <translation>電子証明書は窓口で更新できます（{date}から受付中）。</translation>
        </message>
        <message>
            <source>The certificate expired on {date}. A new one can be issued at the counter.</source>
            <translation>電子証明書は{date}に有効期限が切れました。窓口で新しく発行できます。</translation>
        </message>
        <message>
            <source>The certificate is valid from {date}.</source>
            <translation>電子証明書は{date}から有効です。</translation>
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
            <source>{left} of {max} tries left</source>
            <translation>残り{left}回（{max}回中）</translation>
        </message>
    </context>
    <context>
        <name>identity</name>
        <message>
            <source>Driving licence</source>
            <translation>運転免許証</translation>
        </message>
        <message>
            <source>Health insurance card (no photo)</source>
            <translation>健康保険証（写真なし）</translation>
        </message>
        <message>
            <source>Passport</source>
            <translation>パスポート</translation>
        </message>
        <message>
            <source>Pension book (no photo)</source>
            <translation>年金手帳（写真なし）</translation>
        </message>
        <message>
            <source>Residence card</source>
            <translation>在留カード</translation>
        </message>
        <message>
            <source>The photo on the My Number Card matches</source>
            <translation>マイナンバーカードの顔写真と本人が一致</translation>
        </message>
    </context>
    <context>
        <name>kiosk</name>
        <message>
            <source>Check when your certificate expires, or reset a forgotten PIN with your other PIN.</source>
            <translation>電子証明書の有効期限の確認や、忘れた暗証番号のもう一方の暗証番号を使った再設定ができます。</translation>
        </message>
        <message>
            <source>It opens again on {when}.</source>
            <translation type="vanished">次の受付開始は{when}です。</translation>
        </message>
        <message>
            <source>My Number Card certificates and PINs</source>
            <translation>マイナンバーカードの電子証明書と暗証番号</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>はじめる</translation>
        </message>
        <message>
            <source>This kiosk is closed now.</source>
            <translation>この端末は現在受付時間外です。</translation>
        </message>
    </context>
    <context>
        <name>screens</name>
        <message>
            <source>A staff member has been called.</source>
            <translation>職員を呼び出しました。</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>戻る</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>職員を呼ぶ</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Card expiry date printed on the card</source>
            <translation>カード券面に記載の有効期限</translation>
        </message>
        <message>
            <source>Change a PIN</source>
            <translation>暗証番号を変更する</translation>
        </message>
        <message>
            <source>Confirm the resident's identity</source>
            <translation>本人確認</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>確認しました</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>終了</translation>
        </message>
        <message>
            <source>Fill in a form</source>
            <translation>申請書を記入する</translation>
        </message>
        <message>
            <source>If the next {pin} you enter is wrong, it will be locked and can only be reset at the counter. Do you want to try?</source>
            <translation>次に入力する{pin}が間違っていると、ロックされ、窓口でしか再設定できなくなります。入力しますか？</translation>
        </message>
        <message>
            <source>Insert the training card</source>
            <translation>研修用カードを挿入</translation>
        </message>
        <message>
            <source>Leave it there until the screen tells you to take it.</source>
            <translation>画面に表示されるまでカードを置いたままにしてください。</translation>
        </message>
        <message>
            <source>New certificate ({purpose})</source>
            <translation>新しい電子証明書（{purpose}）</translation>
        </message>
        <message>
            <source>No, stop here</source>
            <translation>いいえ、やめます</translation>
        </message>
        <message>
            <source>Only one try is left</source>
            <translation>残り1回です</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>パスフレーズ</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the card reader.</source>
            <translation>マイナンバーカードをカードリーダーに置いてください。</translation>
        </message>
        <message>
            <source>Please wait here. Someone will come to help you.</source>
            <translation>この場でお待ちください。職員がお手伝いに伺います。</translation>
        </message>
        <message>
            <source>Please wait. Do not remove the card.</source>
            <translation>お待ちください。カードを取り外さないでください。</translation>
        </message>
        <message>
            <source>Print the pre-filled form</source>
            <translation>記入済みの申請書を印刷</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>控えを印刷</translation>
        </message>
        <message>
            <source>Renew the certificates</source>
            <translation>電子証明書を更新する</translation>
        </message>
        <message>
            <source>Reset a forgotten PIN</source>
            <translation>忘れた暗証番号を再設定する</translation>
        </message>
        <message>
            <source>Shown for filling in the form only; the terminal keeps none of it.</source>
            <translation>申請書の記入のためだけに表示しています。端末には一切保存しません。</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>サインイン</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>問題が発生しました</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>職員ID</translation>
        </message>
        <message>
            <source>Staff sign-in</source>
            <translation>職員サインイン</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>中止しました</translation>
        </message>
        <message>
            <source>The 4-digit PIN for logging in (user authentication)</source>
            <translation>利用者証明用の暗証番号（数字4桁）</translation>
        </message>
        <message>
            <source>The 4-digit PIN for the card's information</source>
            <translation>券面事項入力補助用の暗証番号（数字4桁）</translation>
        </message>
        <message>
            <source>The card's information for the application</source>
            <translation>申請書に記入するカードの情報</translation>
        </message>
        <message>
            <source>The certificates were renewed</source>
            <translation>電子証明書を更新しました</translation>
        </message>
        <message>
            <source>The new PINs are set. Please keep them safe.</source>
            <translation>新しい暗証番号を設定しました。大切に保管してください。</translation>
        </message>
        <message>
            <source>The signing password (6 to 16 letters and digits)</source>
            <translation>署名用パスワード（英数字6〜16文字）</translation>
        </message>
        <message>
            <source>The staff ID or the passphrase is wrong.</source>
            <translation>職員IDまたはパスフレーズが正しくありません。</translation>
        </message>
        <message>
            <source>The {pin} was changed</source>
            <translation>{pin}を変更しました</translation>
        </message>
        <message>
            <source>The {pin} was reset</source>
            <translation>{pin}を再設定しました</translation>
        </message>
        <message>
            <source>This could not be done</source>
            <translation>手続きを完了できませんでした</translation>
        </message>
        <message>
            <source>Tick what you have seen: one document with a photo, or two without.</source>
            <translation>確認した書類にチェックしてください（顔写真付き1点、または顔写真なし2点）。</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>もう一度試す</translation>
        </message>
        <message>
            <source>Which PIN do you want to change?</source>
            <translation>どの暗証番号を変更しますか？</translation>
        </message>
        <message>
            <source>Which PIN have you forgotten?</source>
            <translation>どの暗証番号を忘れましたか？</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>処理中</translation>
        </message>
        <message>
            <source>Yes, enter it</source>
            <translation>はい、入力します</translation>
        </message>
        <message>
            <source>You can use the new PIN now. Please take your card.</source>
            <translation>新しい暗証番号をすぐに使えます。カードをお取りください。</translation>
        </message>
        <message>
            <source>Your card</source>
            <translation>あなたのカード</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>利用者証明用</translation>
        </message>
        <message>
            <source>signing</source>
            <translation>署名用</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>{date}まで有効</translation>
        </message>
        <message>
            <source>Records the central service refused</source>
            <translation>中央システムが受け付けなかった記録</translation>
        </message>
        <message>
            <source>The resident is entering a PIN on their screen.</source>
            <translation>住民の方がご自身の画面で暗証番号を入力しています。</translation>
        </message>
        <message>
            <source>{count} records were refused. A technician can correct and send them again with `kiosk outbox rejected` and `kiosk outbox retry`.</source>
            <translation>{count}件の記録が受け付けられませんでした。技術担当者が `kiosk outbox rejected` と `kiosk outbox retry` で修正して再送できます。</translation>
        </message>
        <message>
            <source>The receipt could not be printed</source>
            <translation>控えを印刷できませんでした</translation>
        </message>
        <message>
            <source>Training: staff ID {staff}, passphrase "{passphrase}".</source>
            <translation>研修用：職員ID {staff}、パスフレーズ「{passphrase}」</translation>
        </message>
        <message>
            <source>Appointment date</source>
            <translation>予約日</translation>
        </message>
        <message>
            <source>Check the date</source>
            <translation>日付を確認</translation>
        </message>
        <message>
            <source>{date} can be booked.</source>
            <translation>{date}は予約できます。</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>もう一度確認</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>確認しています…</translation>
        </message>
        <message>
            <source>Technician: checks of this terminal</source>
            <translation>技術担当者：この端末の確認</translation>
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
            <source>A staff member is on the way.</source>
            <translation>職員がこちらに向かっています。</translation>
        </message>
        <message>
            <source>Calling a staff member…</source>
            <translation>職員を呼んでいます…</translation>
        </message>
        <message>
            <source>No central service is configured.</source>
            <translation>中央サービスが設定されていません。</translation>
        </message>
        <message>
            <source>Please go to the counter, or ask anyone working here for help.</source>
            <translation>窓口へお越しいただくか、近くの職員にお声がけください。</translation>
        </message>
        <message>
            <source>Please wait here.</source>
            <translation>この場でお待ちください。</translation>
        </message>
        <message>
            <source>The staff could not be called from here.</source>
            <translation>ここから職員を呼べませんでした。</translation>
        </message>
        <message>
            <source>Scroll the text</source>
            <translation>文章をスクロール</translation>
        </message>
    </context>
    <context>
        <name>steps</name>
        <message>
            <source>Asking the central service for authorisation…</source>
            <translation>中央システムに認可を求めています…</translation>
        </message>
        <message>
            <source>Changing the PIN…</source>
            <translation>暗証番号を変更しています…</translation>
        </message>
        <message>
            <source>Checking identity…</source>
            <translation>本人確認をしています…</translation>
        </message>
        <message>
            <source>Checking the card…</source>
            <translation>カードを確認しています…</translation>
        </message>
        <message>
            <source>Confirming it is your card…</source>
            <translation>ご本人のカードか確認しています…</translation>
        </message>
        <message>
            <source>Entering PINs…</source>
            <translation>暗証番号を入力しています…</translation>
        </message>
        <message>
            <source>Reading the card's information…</source>
            <translation>カードの情報を読み取っています…</translation>
        </message>
        <message>
            <source>Reading the card…</source>
            <translation>カードを読み取っています…</translation>
        </message>
        <message>
            <source>Saving the record…</source>
            <translation>記録を保存しています…</translation>
        </message>
        <message>
            <source>Setting the new PIN…</source>
            <translation>新しい暗証番号を設定しています…</translation>
        </message>
        <message>
            <source>The card is making a new key…</source>
            <translation>カードが新しい鍵を作成しています…</translation>
        </message>
        <message>
            <source>The new certificate is being issued…</source>
            <translation>新しい電子証明書を発行しています…</translation>
        </message>
        <message>
            <source>Writing the new certificate to the card…</source>
            <translation>新しい電子証明書をカードに書き込んでいます…</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Call staff</source>
            <translation>職員を呼ぶ</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>ロック</translation>
        </message>
        <message>
            <source>Signed in: {staff}</source>
            <translation>サインイン中: {staff}</translation>
        </message>
        <message>
            <source>TRAINING: a virtual card and a local central service. Nothing here is real.</source>
            <translation>研修モード：仮想カードとローカルの中央システムを使用しています。実際の手続きではありません。</translation>
        </message>
        <message>
            <source>e-certificate terminal</source>
            <translation>電子証明書端末</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>高コントラスト</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>文字を大きく</translation>
        </message>
        <message>
            <source>Please follow the staff member's instructions. When asked, enter your PIN on this screen.</source>
            <translation>職員の案内に従ってください。求められたら、この画面で暗証番号を入力してください。</translation>
        </message>
        <message>
            <source>Today's counts</source>
            <translation>本日の件数</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <source>Back</source>
            <translation>1字消す</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Cancel this entry</source>
            <translation>この入力を中止する</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>全て消す</translation>
        </message>
        <message>
            <source>Clear everything entered</source>
            <translation>入力した文字を全て消す</translation>
        </message>
        <message>
            <source>Confirm the entry</source>
            <translation>入力を確定する</translation>
        </message>
        <message>
            <source>Delete the last character</source>
            <translation>最後の1文字を消す</translation>
        </message>
        <message>
            <source>Digit {key}</source>
            <translation>数字 {key}</translation>
        </message>
        <message>
            <source>Entered so far</source>
            <translation>入力済みの文字数</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>キー</translation>
        </message>
        <message>
            <source>Last try: if this entry is wrong, the PIN will be locked.</source>
            <translation>残り1回です。間違えると暗証番号がロックされます。</translation>
        </message>
        <message>
            <source>Letter {key}</source>
            <translation>英字 {key}</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>確定</translation>
        </message>
        <message>
            <source>PIN entry on the resident's screen</source>
            <translation>お客様画面の暗証番号入力</translation>
        </message>
        <message>
            <source>PIN pad</source>
            <translation>暗証番号の入力キー</translation>
        </message>
        <message>
            <source>Show the digit keys</source>
            <translation>数字キーを表示する</translation>
        </message>
        <message>
            <source>Show the letter keys</source>
            <translation>英字キーを表示する</translation>
        </message>
        <message>
            <source>{count} characters entered</source>
            <translation>{count}文字入力済み</translation>
        </message>
        <message>
            <source>{count} digits</source>
            <translation>数字{count}桁</translation>
        </message>
        <message>
            <source>{count} entered ({minimum} to {maximum})</source>
            <translation>{count}文字入力（{minimum}〜{maximum}文字）</translation>
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation>{count} / {maximum}</translation>
        </message>
        <message>
            <source>{count} of {maximum} tries left</source>
            <translation>残り{count}回（全{maximum}回）</translation>
        </message>
        <message>
            <source>{count} tries left</source>
            <translation>残り{count}回</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} characters: letters A to Z and digits 0 to 9</source>
            <translation>{minimum}〜{maximum}文字：英大文字（A〜Z）と数字（0〜9）</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} digits</source>
            <translation>数字{minimum}〜{maximum}桁</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>省略</translation>
        </message>
        <message>
            <source>Skip this PIN</source>
            <translation>この暗証番号の入力を省略する</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Card reader</source>
            <translation>カードリーダー</translation>
        </message>
        <message>
            <source>Card reader service not running</source>
            <translation>カードリーダーのサービスが動いていません</translation>
        </message>
        <message>
            <source>Central service</source>
            <translation>センター</translation>
        </message>
        <message>
            <source>Central service: connected</source>
            <translation>センター: 接続中</translation>
        </message>
        <message>
            <source>Central service: connected since {time}</source>
            <translation>センター: 接続中（{time}から）</translation>
        </message>
        <message>
            <source>Central service: not checked yet</source>
            <translation>センター: 未確認</translation>
        </message>
        <message>
            <source>Central service: unreachable</source>
            <translation>センター: 接続できません</translation>
        </message>
        <message>
            <source>Central service: unreachable since {time}</source>
            <translation>センター: 接続できません（{time}から）</translation>
        </message>
        <message>
            <source>No card reader</source>
            <translation>カードリーダーがありません</translation>
        </message>
        <message>
            <source>Outbox: nothing waiting</source>
            <translation>送信待ち: なし</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting</source>
            <translation>送信待ち: {count}件</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting, oldest {age}</source>
            <translation>送信待ち: {count}件（最も古いもの {age}前）</translation>
        </message>
        <message>
            <source>Records waiting to be sent</source>
            <translation>送信待ちの記録</translation>
        </message>
        <message>
            <source>Rejected records: {count}. Show them</source>
            <translation>拒否された記録: {count}件。一覧を表示</translation>
        </message>
        <message>
            <source>Rejected: {count}</source>
            <translation>拒否: {count}件</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>送信</translation>
        </message>
        <message>
            <source>Sending stopped: please call a technician</source>
            <translation>送信停止中: 技術担当者をお呼びください</translation>
        </message>
        <message>
            <source>TRAINING MODE: practice only, no real certificate is issued</source>
            <translation>研修モード: 練習用です。実際の証明書は発行されません</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>研修モード</translation>
        </message>
        <message>
            <source>{count} days</source>
            <translation>{count}日</translation>
        </message>
        <message>
            <source>{count} h</source>
            <translation>{count}時間</translation>
        </message>
        <message>
            <source>{count} min</source>
            <translation>{count}分</translation>
        </message>
        <message>
            <source>{count} s</source>
            <translation>{count}秒</translation>
        </message>
        <message>
            <source>{reader}: card inserted</source>
            <translation>{reader}: カードあり</translation>
        </message>
        <message>
            <source>{reader}: no card</source>
            <translation>{reader}: カードなし</translation>
        </message>
    </context>
    <context>
        <name>flow</name>
        <message>
            <source>--confirm-last-try goes with --pin-fd; at the terminal the confirmation is typed.</source>
            <translation>--confirm-last-try は --pin-fd と一緒に使います。端末では確認を入力してください。</translation>
        </message>
        <message>
            <source>--proof is the self-service reset: it takes no staff grounds.</source>
            <translation>--proof は本人による再設定です。職員の本人確認（--staff-id、--identity-check）とは一緒に使えません。</translation>
        </message>
        <message>
            <source>A staff member's ID is needed for this procedure (--staff-id).</source>
            <translation>この手続きには職員IDが必要です（--staff-id）。</translation>
        </message>
        <message>
            <source>Asking the central service for authorisation...</source>
            <translation>中央サービスに許可を求めています...</translation>
        </message>
        <message>
            <source>Changing the PIN...</source>
            <translation>暗証番号を変更しています...</translation>
        </message>
        <message>
            <source>Checking the certificate on the card...</source>
            <translation>カードの証明書を確認しています...</translation>
        </message>
        <message>
            <source>Checking the holder's identity...</source>
            <translation>本人確認をしています...</translation>
        </message>
        <message>
            <source>Enter the new {pin} again: </source>
            <translation>確認のため、新しい{pin}をもう一度入力してください: </translation>
        </message>
        <message>
            <source>Enter the new {pin}: </source>
            <translation>新しい{pin}を入力してください: </translation>
        </message>
        <message>
            <source>Enter the {pin} ({left} of {max} tries left): </source>
            <translation>{pin}を入力してください（残り{left}回／{max}回）: </translation>
        </message>
        <message>
            <source>Enter the {pin}: </source>
            <translation>{pin}を入力してください: </translation>
        </message>
        <message>
            <source>Entering the PINs...</source>
            <translation>暗証番号を入力しています...</translation>
        </message>
        <message>
            <source>New certificates issued.</source>
            <translation>証明書を新規発行しました。</translation>
        </message>
        <message>
            <source>Only the user-authentication PIN and the signing password can be reset here, each by proving the other.</source>
            <translation>ここで再設定できるのは利用者証明用暗証番号と署名用パスワードだけで、それぞれもう一方で本人であることを証明します。</translation>
        </message>
        <message>
            <source>Proving the card is the holder's...</source>
            <translation>カードの持ち主であることを証明しています...</translation>
        </message>
        <message>
            <source>Reading the card...</source>
            <translation>カードを読み取っています...</translation>
        </message>
        <message>
            <source>Reading the holder's details from the card...</source>
            <translation>カードから本人の情報を読み取っています...</translation>
        </message>
        <message>
            <source>Record {key} is waiting in the outbox; it will be delivered when the central service can be reached.</source>
            <translation>記録 {key} は送信待ちです。中央サービスに接続できたときに送信されます。</translation>
        </message>
        <message>
            <source>Record {key} was delivered to the central service.</source>
            <translation>記録 {key} を中央サービスに送信しました。</translation>
        </message>
        <message>
            <source>Recording the transaction...</source>
            <translation>手続きを記録しています...</translation>
        </message>
        <message>
            <source>Renewal completed.</source>
            <translation>更新が完了しました。</translation>
        </message>
        <message>
            <source>Setting the new PIN...</source>
            <translation>新しい暗証番号を設定しています...</translation>
        </message>
        <message>
            <source>Signing</source>
            <translation>署名用</translation>
        </message>
        <message>
            <source>The card is generating a new key (this takes a moment)...</source>
            <translation>カードが新しい鍵を生成しています（少し時間がかかります）...</translation>
        </message>
        <message>
            <source>The central service is issuing the certificate...</source>
            <translation>中央サービスが証明書を発行しています...</translation>
        </message>
        <message>
            <source>The central service refused record {key}: see kiosk outbox rejected.</source>
            <translation>中央サービスが記録 {key} を拒否しました。kiosk outbox rejected で確認してください。</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet: renewal opens on {date}.</source>
            <translation type="vanished">証明書はまだ更新できません。{date}から更新できます。</translation>
        </message>
        <message>
            <source>The holder's identity is not confirmed: name one document with a photo, or two without (--identity-check), and the card's printed expiry date where needed (--card-expires-on).</source>
            <translation>本人確認ができていません。顔写真付きの書類1点、または顔写真なしの書類2点を指定し（--identity-check）、必要な場合はカード券面の有効期限も入力してください（--card-expires-on）。</translation>
        </message>
        <message>
            <source>The last try is used only with --confirm-last-try: the procedure stops here.</source>
            <translation>最後の1回は --confirm-last-try を付けたときだけ使います。手続きはここで止まります。</translation>
        </message>
        <message>
            <source>The new certificate could not be confirmed on the card. Please call a staff member.</source>
            <translation type="vanished">新しい証明書をカード上で確認できませんでした。職員をお呼びください。</translation>
        </message>
        <message>
            <source>The other PIN, needed as proof, is locked too.</source>
            <translation>証明に使うもう一方の暗証番号もロックされています。</translation>
        </message>
        <message>
            <source>The {pin} was changed.</source>
            <translation>{pin}を変更しました。</translation>
        </message>
        <message>
            <source>The {pin} was reset.</source>
            <translation>{pin}を再設定しました。</translation>
        </message>
        <message>
            <source>The {target} can be reset only by proving the {proof}.</source>
            <translation>{target}は、{proof}で証明したときだけ再設定できます。</translation>
        </message>
        <message>
            <source>This PIN cannot be reset at a kiosk. {detail} Please go to a counter with the card and an identity document.</source>
            <translation type="vanished">この暗証番号はキオスク端末では再設定できません。{detail} カードと本人確認書類を持って窓口へお越しください。</translation>
        </message>
        <message>
            <source>This PIN is optional: an empty entry skips it.</source>
            <translation>この暗証番号の入力は任意です。何も入力しなければ省略します。</translation>
        </message>
        <message>
            <source>This card has no {pin}.</source>
            <translation type="vanished">このカードには{pin}がありません。</translation>
        </message>
        <message>
            <source>This card has one PIN for both, so there is no other PIN to prove it with.</source>
            <translation>このカードは両方に同じ暗証番号を使っているため、証明に使える別の暗証番号がありません。</translation>
        </message>
        <message>
            <source>This procedure is for counter terminals only: staff must check the holder's identity.</source>
            <translation>この手続きは窓口端末でのみ行えます。職員による本人確認が必要です。</translation>
        </message>
        <message>
            <source>To prove the card is yours, enter the {pin} ({left} of {max} tries left): </source>
            <translation>本人であることを証明するため、{pin}を入力してください（残り{left}回／{max}回）: </translation>
        </message>
        <message>
            <source>User-authentication</source>
            <translation>利用者証明用</translation>
        </message>
        <message>
            <source>Writing the certificate to the card...</source>
            <translation>カードに証明書を書き込んでいます...</translation>
        </message>
        <message>
            <source>{purpose} certificate: serial {serial}, valid {start} to {end}</source>
            <translation>{purpose}電子証明書: シリアル番号 {serial}、有効期間 {start} 〜 {end}</translation>
        </message>
        <message>
            <source>Before it stopped, the procedure had already installed on the card: {installed}. Its PIN may still be the old one (docs/flows.md).</source>
            <translation>手続きが止まる前に、次のものはすでにカードに書き込まれています: {installed}。暗証番号はまだ以前のままの場合があります（docs/flows.md）。</translation>
        </message>
        <message>
            <source>The card was changed before the procedure stopped.</source>
            <translation>手続きが止まる前に、カードは変更されています。</translation>
        </message>
        <message>
            <source>{purpose} certificate {serial}</source>
            <translation>{purpose}電子証明書 {serial}</translation>
        </message>
        <message>
            <source>Interrupted. The attempt is recorded (as cancelled if it was still running).</source>
            <translation>中断しました。この手続きは記録されています（途中だった場合は取り消しとして）。</translation>
        </message>
    </context>
    <context>
        <name>calendar</name>
        <message>
            <source>Closed now. Next open: {date}, from {time}.</source>
            <translation>ただいま受付時間外です。次の受付は{date}の{time}からです。</translation>
        </message>
        <message>
            <source>Closed now. Opens today at {time}.</source>
            <translation>ただいま受付時間外です。本日は{time}から受け付けます。</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>金</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>月</translation>
        </message>
        <message>
            <source>No appointment is needed.</source>
            <translation>予約なしでお越しいただけます。</translation>
        </message>
        <message>
            <source>Open now, until {time}.</source>
            <translation>ただいま受付中です({time}まで)。</translation>
        </message>
        <message>
            <source>Please book an appointment, or come without one from {date}.</source>
            <translation>予約をしてお越しください。{date}からは予約なしでも受け付けます。</translation>
        </message>
        <message>
            <source>Please book an appointment.</source>
            <translation>予約をしてお越しください。</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>土</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>日</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed any more: a new one is issued at the counter, from {date}.</source>
            <translation>この証明書はもう更新できません。{date}以降、窓口で新しい証明書を発行します。</translation>
        </message>
        <message>
            <source>The last day the counter is open before it expires is {date}.</source>
            <translation>有効期限までに窓口が開いている最後の日は{date}です。</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>木</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>火</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>水</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from today.</source>
            <translation>本日から窓口で証明書を更新できます。</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from {date}.</source>
            <translation>{date}から窓口で証明書を更新できます。</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>閉庁</translation>
        </message>
        <message>
            <source>closed (monthly closing day)</source>
            <translation>閉庁(毎月の休業日)</translation>
        </message>
        <message>
            <source>closed (national holiday: {holiday})</source>
            <translation>閉庁(祝日: {holiday})</translation>
        </message>
        <message>
            <source>closed (special closing day)</source>
            <translation>閉庁(臨時休業日)</translation>
        </message>
        <message>
            <source>closed (yearly closure, such as the year end)</source>
            <translation>閉庁(年末年始などの休業期間)</translation>
        </message>
        <message>
            <source>{hours} (national holiday: {holiday})</source>
            <translation>{hours}(祝日: {holiday})</translation>
        </message>
        <message>
            <source>{weekday} {day} {month_name} {year}</source>
            <translation>{year}年{month}月{day}日({weekday})</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>Address</source>
            <translation>住所</translation>
        </message>
        <message>
            <source>Application for electronic certificates</source>
            <translation>電子証明書 申請書</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Card holder</source>
            <translation>カード所有者</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>電子証明書</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>記入日</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日時</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <source>Electronic certificate procedure: receipt (your copy)</source>
            <translation>電子証明書 手続き受付票（お客様控え）</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>Never tell anyone your PINs. Staff will never ask you for them.</source>
            <translation>暗証番号は誰にも教えないでください。職員が暗証番号をお尋ねすることはありません。</translation>
        </message>
        <message>
            <source>New issuance of electronic certificates</source>
            <translation>電子証明書の新規発行</translation>
        </message>
        <message>
            <source>New serial number</source>
            <translation>新しいシリアル番号</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>該当なし</translation>
        </message>
        <message>
            <source>Not completed</source>
            <translation>未完了</translation>
        </message>
        <message>
            <source>Nothing on the card was changed. You can try again, or ask at the counter.</source>
            <translation>カードの内容は変更されていません。もう一度お試しいただくか、窓口でお尋ねください。</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>PIN change</source>
            <translation>暗証番号の変更</translation>
        </message>
        <message>
            <source>PIN reset</source>
            <translation>暗証番号の再設定</translation>
        </message>
        <message>
            <source>PIN set</source>
            <translation>設定した暗証番号</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>受付場所</translation>
        </message>
        <message>
            <source>Please keep this receipt. It holds no name, address or other personal details.</source>
            <translation>この控えは大切に保管してください。氏名・住所などの個人情報は記載していません。</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>手続き</translation>
        </message>
        <message>
            <source>Reference number</source>
            <translation>受付番号</translation>
        </message>
        <message>
            <source>Renewal of electronic certificates</source>
            <translation>電子証明書の更新</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性別</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>署名</translation>
        </message>
        <message>
            <source>Signing certificate</source>
            <translation>署名用電子証明書</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>端末</translation>
        </message>
        <message>
            <source>The details below were read from your My Number Card. Please check them, then write the date and sign.</source>
            <translation>以下の事項はマイナンバーカードから読み取りました。内容をご確認のうえ、記入日と署名をご記入ください。</translation>
        </message>
        <message>
            <source>The new PIN works from now, and its count of wrong entries starts again.</source>
            <translation>新しい暗証番号は今からご利用いただけます。誤入力の回数も元に戻りました。</translation>
        </message>
        <message>
            <source>The new PIN works from now.</source>
            <translation>新しい暗証番号は今からご利用いただけます。</translation>
        </message>
        <message>
            <source>The new certificates can be used from today.</source>
            <translation>新しい電子証明書は本日からご利用いただけます。</translation>
        </message>
        <message>
            <source>The procedure stopped part way. What is listed above was done and the card works. Please ask at the counter to finish the procedure.</source>
            <translation>手続きは途中で終了しました。上記の内容は完了しており、カードはご利用いただけます。残りの手続きは窓口でお尋ねください。</translation>
        </message>
        <message>
            <source>These details were read from the card for this form only; the terminal keeps no copy.</source>
            <translation>これらの事項はこの申請書のためだけにカードから読み取ったもので、端末には保存されません。</translation>
        </message>
        <message>
            <source>User-authentication certificate</source>
            <translation>利用者証明用電子証明書</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有効期限</translation>
        </message>
        <message>
            <source>What happens next</source>
            <translation>今後について</translation>
        </message>
        <message>
            <source>Year          Month          Day</source>
            <translation>　　　　　年　　　　月　　　　日</translation>
        </message>
        <message>
            <source>Your previous certificates are revoked. Use the new ones from today.</source>
            <translation>以前の電子証明書は失効しました。本日から新しい電子証明書をご利用ください。</translation>
        </message>
        <message>
            <source>{date}, {time} (Japan time)</source>
            <translation>{date} {time}（日本時間）</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Back</source>
            <translation>戻る</translation>
        </message>
        <message>
            <source>By procedure and outcome</source>
            <translation>手続・結果別</translation>
        </message>
        <message>
            <source>By staff member (this terminal)</source>
            <translation>職員別（この端末）</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>グラフ</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>照合する</translation>
        </message>
        <message>
            <source>Could not compare: {reason}</source>
            <translation>照合できませんでした：{reason}</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Counts</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Counts of Japan-time days. The whole site's come from the central service and include only what it has received.</source>
            <translation>日本時間の日ごとの件数です。拠点全体の件数はセンターから取得し、センターが受信した分だけを含みます。</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Day as CSV</source>
            <translation>本日分をCSVで保存</translation>
        </message>
        <message>
            <source>Day as PDF</source>
            <translation>本日分をPDFで保存</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差異</translation>
        </message>
        <message>
            <source>Different</source>
            <translation>内容の相違</translation>
        </message>
        <message>
            <source>Everything matches.</source>
            <translation>すべて一致しています。</translation>
        </message>
        <message>
            <source>If these numbers are pending here, the terminal will send them; otherwise call a technician.</source>
            <translation>これらの番号がこの端末で送信待ちなら、端末が送信します。そうでなければ技術担当者をお呼びください。</translation>
        </message>
        <message>
            <source>It was delivered but the central service does not have it: call a technician. The record is kept here.</source>
            <translation>送信済みですがセンターにありません。技術担当者をお呼びください。記録はこの端末に保管されています。</translation>
        </message>
        <message>
            <source>Missing at the central service</source>
            <translation>センターに未登録</translation>
        </message>
        <message>
            <source>Missing at this terminal</source>
            <translation>この端末に記録なし</translation>
        </message>
        <message>
            <source>Month as CSV</source>
            <translation>今月分をCSVで保存</translation>
        </message>
        <message>
            <source>Month as PDF</source>
            <translation>今月分をPDFで保存</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>送信待ち</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>手続</translation>
        </message>
        <message>
            <source>Procedures per day, last 14 days</source>
            <translation>日別の手続件数（直近14日）</translation>
        </message>
        <message>
            <source>Procedures per month, last 12 months (this terminal)</source>
            <translation>月別の手続件数（直近12か月、この端末）</translation>
        </message>
        <message>
            <source>Reconciliation</source>
            <translation>照合</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>受付拒否</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>帳票の保存</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>保存しました：{path}</translation>
        </message>
        <message>
            <source>Sequence gap</source>
            <translation>通番の欠番</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>職員ID</translation>
        </message>
        <message>
            <source>Terminal and number</source>
            <translation>端末と通番</translation>
        </message>
        <message>
            <source>The central service has a record of this terminal that the terminal does not: tell your supervisor (was the terminal restored or replaced?).</source>
            <translation>センターにはこの端末の記録がありますが、端末にはありません。責任者に伝えてください（端末の復元や交換がありませんでしたか）。</translation>
        </message>
        <message>
            <source>The central service has it as {kind} ({outcome}): tell a technician, and count it as this terminal recorded it until it is resolved.</source>
            <translation>センターでは「{kind}（{outcome}）」として登録されています。技術担当者に伝え、解決するまではこの端末の記録どおりに数えてください。</translation>
        </message>
        <message>
            <source>The central service refused it: call a technician to correct it and send it again (kiosk outbox rejected, kiosk outbox retry). It is kept here.</source>
            <translation>センターが受け付けませんでした。技術担当者に修正と再送を依頼してください（kiosk outbox rejected、kiosk outbox retry）。記録はこの端末に保管されています。</translation>
        </message>
        <message>
            <source>The terminal will send it; if it stays pending, check the network.</source>
            <translation>端末が送信します。送信待ちのままなら、ネットワークを確認してください。</translation>
        </message>
        <message>
            <source>The whole site's counts could not be fetched: {reason}</source>
            <translation>拠点全体の件数を取得できませんでした：{reason}</translation>
        </message>
        <message>
            <source>This terminal</source>
            <translation>この端末</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合計</translation>
        </message>
        <message>
            <source>Transaction</source>
            <translation>取引</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>対処</translation>
        </message>
        <message>
            <source>Whole site</source>
            <translation>拠点全体</translation>
        </message>
        <message>
            <source>{count} differences. What to do about each is in the last column.</source>
            <translation>差異が{count}件あります。それぞれの対処は右端の列にあります。</translation>
        </message>
        <message>
            <source>{day}: {summary}</source>
            <translation>{day}：{summary}</translation>
        </message>
        <message>
            <source>{site}, {day}: terminal {terminal}</source>
            <translation>{site}　{day}　端末 {terminal}</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>(kiosk, no staff)</source>
            <translation>（キオスク、職員なし）</translation>
        </message>
        <message>
            <source>By day</source>
            <translation>日別</translation>
        </message>
        <message>
            <source>By procedure and outcome</source>
            <translation>手続・結果別</translation>
        </message>
        <message>
            <source>By staff member (this terminal)</source>
            <translation>職員別（この端末）</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Card details read</source>
            <translation>券面事項の読取</translation>
        </message>
        <message>
            <source>Certificate check</source>
            <translation>電子証明書の確認</translation>
        </message>
        <message>
            <source>Certificate renewal</source>
            <translation>電子証明書の更新</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>件数</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <source>New certificate</source>
            <translation>電子証明書の新規発行</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>PIN change</source>
            <translation>暗証番号の変更</translation>
        </message>
        <message>
            <source>PIN reset</source>
            <translation>暗証番号の初期化</translation>
        </message>
        <message>
            <source>Page {page}</source>
            <translation>{page}ページ</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>手続</translation>
        </message>
        <message>
            <source>Procedures at {site} on {day}</source>
            <translation>{site}の手続件数（{day}）</translation>
        </message>
        <message>
            <source>Procedures at {site}, {first} to {last}</source>
            <translation>{site}の手続件数（{first}～{last}）</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>範囲</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>拠点</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>職員ID</translation>
        </message>
        <message>
            <source>Terminal ID</source>
            <translation>端末ID</translation>
        </message>
        <message>
            <source>Terminal {terminal}; made {made}</source>
            <translation>端末 {terminal}　作成 {made}</translation>
        </message>
        <message>
            <source>This terminal</source>
            <translation>この端末</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合計</translation>
        </message>
        <message>
            <source>Whole site</source>
            <translation>拠点全体</translation>
        </message>
        <message>
            <source>Whole site: not available ({reason})</source>
            <translation>拠点全体：取得できません（{reason}）</translation>
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
            <source>Connect the card reader (USB) and check its cable; then run this again.</source>
            <translation>カードリーダー（USB）を接続し、ケーブルを確認してから、もう一度実行してください。</translation>
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
            <source>Place a My Number Card (or a training card) on the reader to test it.</source>
            <translation>テストするには、マイナンバーカード（または研修用カード）をリーダーに置いてください。</translation>
        </message>
        <message>
            <source>Place the card again; if it still fails, try another card, then another reader.</source>
            <translation>カードを置き直してください。それでも失敗する場合は、別のカード、次に別のリーダーで試してください。</translation>
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
            <source>Set the reader in kiosk.toml to one of the connected readers (kiosk card watch lists them).</source>
            <translation>kiosk.toml の reader を接続中のリーダーのいずれかに設定してください（kiosk card watch で一覧できます）。</translation>
        </message>
        <message>
            <source>Start the card reader service: systemctl start pcscd (or pcscd --foreground).</source>
            <translation>カードリーダーサービスを起動してください: systemctl start pcscd（または pcscd --foreground）。</translation>
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
    <context>
        <name>StaffCalls</name>
        <message>
            <source>Answer the call from kiosk {kiosk}</source>
            <translation>キオスク {kiosk} の呼び出しに応答</translation>
        </message>
        <message>
            <source>Calls waiting in all: {count}.</source>
            <translation>待っている呼び出しは全部で {count} 件です。</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中国語</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英語</translation>
        </message>
        <message>
            <source>I'm going</source>
            <translation>対応します</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>日本語</translation>
        </message>
        <message>
            <source>Kiosk {kiosk} is calling for staff ({screen}, {language}) for {age}.</source>
            <translation>キオスク {kiosk} が職員を呼んでいます（{screen}、{language}、{age}前から）。</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>韓国語</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>送信中…</translation>
        </message>
        <message>
            <source>The answer did not reach the central service: {advice}</source>
            <translation>応答が中央サービスに届きませんでした：{advice}</translation>
        </message>
        <message>
            <source>Vietnamese</source>
            <translation>ベトナム語</translation>
        </message>
        <message>
            <source>You answered the call from kiosk {kiosk}.</source>
            <translation>キオスク {kiosk} の呼び出しに応答しました。</translation>
        </message>
        <message>
            <source>a staff member</source>
            <translation>職員</translation>
        </message>
        <message>
            <source>certificate check</source>
            <translation>証明書の確認</translation>
        </message>
        <message>
            <source>choosing a PIN</source>
            <translation>暗証番号の選択</translation>
        </message>
        <message>
            <source>closed screen</source>
            <translation>閉庁中の画面</translation>
        </message>
        <message>
            <source>entering a PIN</source>
            <translation>暗証番号の入力</translation>
        </message>
        <message>
            <source>last PIN try</source>
            <translation>暗証番号の最後の試行</translation>
        </message>
        <message>
            <source>placing the card</source>
            <translation>カードの置き方</translation>
        </message>
        <message>
            <source>procedure result</source>
            <translation>手続の結果</translation>
        </message>
        <message>
            <source>procedure running</source>
            <translation>手続の処理中</translation>
        </message>
        <message>
            <source>start screen</source>
            <translation>最初の画面</translation>
        </message>
        <message>
            <source>{staff} at {counter} already answered the call from kiosk {kiosk}.</source>
            <translation>{counter} の {staff} がキオスク {kiosk} の呼び出しにすでに応答しています。</translation>
        </message>
    </context>
</TS>
