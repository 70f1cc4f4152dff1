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
</TS>
