<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PinPad</name>
        <message>
            <source>Back</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Cancel this entry</source>
            <translation>中止本次输入</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>全部删除</translation>
        </message>
        <message>
            <source>Clear everything entered</source>
            <translation>删除已输入的全部内容</translation>
        </message>
        <message>
            <source>Confirm the entry</source>
            <translation>确认输入内容</translation>
        </message>
        <message>
            <source>Delete the last character</source>
            <translation>删除最后一个字符</translation>
        </message>
        <message>
            <source>Digit {key}</source>
            <translation>数字 {key}</translation>
        </message>
        <message>
            <source>Entered so far</source>
            <translation>已输入的字符数</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>Last try: if this entry is wrong, the PIN will be locked.</source>
            <translation>最后1次机会：如果这次输入错误，密码将被锁定。</translation>
        </message>
        <message>
            <source>Letter {key}</source>
            <translation>字母 {key}</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>PIN entry on the resident's screen</source>
            <translation>在客户画面上输入密码</translation>
        </message>
        <message>
            <source>PIN pad</source>
            <translation>密码输入键盘</translation>
        </message>
        <message>
            <source>Show the digit keys</source>
            <translation>显示数字键</translation>
        </message>
        <message>
            <source>Show the letter keys</source>
            <translation>显示字母键</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Skip this PIN</source>
            <translation>跳过此密码的输入</translation>
        </message>
        <message>
            <source>{count} characters entered</source>
            <translation>已输入{count}个字符</translation>
        </message>
        <message>
            <source>{count} digits</source>
            <translation>{count}位数字</translation>
        </message>
        <message>
            <source>{count} entered ({minimum} to {maximum})</source>
            <translation>已输入{count}个（{minimum}～{maximum}个字符）</translation>
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation>{count} / {maximum}</translation>
        </message>
        <message>
            <source>{count} of {maximum} tries left</source>
            <translation>还剩{count}次（共{maximum}次）</translation>
        </message>
        <message>
            <source>{count} tries left</source>
            <translation>还剩{count}次</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} characters: letters A to Z and digits 0 to 9</source>
            <translation>{minimum}～{maximum}个字符：英文大写字母（A～Z）和数字（0～9）</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} digits</source>
            <translation>{minimum}～{maximum}位数字</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Card reader</source>
            <translation>读卡器</translation>
        </message>
        <message>
            <source>Card reader service not running</source>
            <translation>读卡器服务未运行</translation>
        </message>
        <message>
            <source>Central service</source>
            <translation>中心系统</translation>
        </message>
        <message>
            <source>Central service: connected</source>
            <translation>中心系统：已连接</translation>
        </message>
        <message>
            <source>Central service: connected since {time}</source>
            <translation>中心系统：已连接（自{time}起）</translation>
        </message>
        <message>
            <source>Central service: not checked yet</source>
            <translation>中心系统：尚未确认</translation>
        </message>
        <message>
            <source>Central service: unreachable</source>
            <translation>中心系统：无法连接</translation>
        </message>
        <message>
            <source>Central service: unreachable since {time}</source>
            <translation>中心系统：无法连接（自{time}起）</translation>
        </message>
        <message>
            <source>No card reader</source>
            <translation>无读卡器</translation>
        </message>
        <message>
            <source>Outbox: nothing waiting</source>
            <translation>待发送：无</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting</source>
            <translation>待发送：{count}条</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting, oldest {age}</source>
            <translation>待发送：{count}条（最早的已等待{age}）</translation>
        </message>
        <message>
            <source>Records waiting to be sent</source>
            <translation>待发送的记录</translation>
        </message>
        <message>
            <source>Rejected records: {count}. Show them</source>
            <translation>被拒绝的记录：{count}条。显示列表</translation>
        </message>
        <message>
            <source>Rejected: {count}</source>
            <translation>被拒绝：{count}条</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Sending stopped: please call a technician</source>
            <translation>发送已停止：请呼叫技术人员</translation>
        </message>
        <message>
            <source>TRAINING MODE: practice only, no real certificate is issued</source>
            <translation>培训模式：仅供练习，不会发行真实的电子证书</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>培训模式</translation>
        </message>
        <message>
            <source>{count} days</source>
            <translation>{count}天</translation>
        </message>
        <message>
            <source>{count} h</source>
            <translation>{count}小时</translation>
        </message>
        <message>
            <source>{count} min</source>
            <translation>{count}分钟</translation>
        </message>
        <message>
            <source>{count} s</source>
            <translation>{count}秒</translation>
        </message>
        <message>
            <source>{reader}: card inserted</source>
            <translation>{reader}：已插入卡片</translation>
        </message>
        <message>
            <source>{reader}: no card</source>
            <translation>{reader}：无卡片</translation>
        </message>
    </context>
    <context>
        <name>check</name>
        <message>
            <source>Card</source>
            <translation>卡片</translation>
        </message>
        <message>
            <source>Certificate expires on</source>
            <translation>电子证书有效期</translation>
        </message>
        <message>
            <source>Certificate serial</source>
            <translation>电子证书序列号</translation>
        </message>
        <message>
            <source>Locked. It can be reset at the counter, or with your other PIN at a kiosk.</source>
            <translation>已锁定。可在窗口重新设置，或在自助终端使用另一个密码重新设置。</translation>
        </message>
        <message>
            <source>My Number Card</source>
            <translation>个人编号卡</translation>
        </message>
        <message>
            <source>My Number Card (next generation)</source>
            <translation>个人编号卡（新一代）</translation>
        </message>
        <message>
            <source>Nothing to do now. Renewal opens on {date}.</source>
            <translation>目前无需办理手续。自{date}起受理更新。</translation>
        </message>
        <message>
            <source>Only 1 try left of {max}</source>
            <translation>仅剩1次（共{max}次）</translation>
        </message>
        <message>
            <source>The certificate can be renewed now, at the counter (since {date}).</source>
            <translation>电子证书现在可以在窗口更新（自{date}起受理）。</translation>
        </message>
        <message>
            <source>The certificate expired on {date}. A new one can be issued at the counter.</source>
            <translation>电子证书已于{date}过期。可在窗口重新发行。</translation>
        </message>
        <message>
            <source>The certificate is valid from {date}.</source>
            <translation>电子证书自{date}起有效。</translation>
        </message>
        <message>
            <source>{date} (expired {days} days ago)</source>
            <translation>{date}（已过期{days}天）</translation>
        </message>
        <message>
            <source>{date} ({days} days left)</source>
            <translation>{date}（还剩{days}天）</translation>
        </message>
        <message>
            <source>{left} of {max} tries left</source>
            <translation>还剩{left}次（共{max}次）</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>A staff member must sign in first.</source>
            <translation>请工作人员先登录。</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Close it and try again.</source>
            <translation>其他程序正在使用读卡器。请关闭该程序后重试。</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Please call a staff member.</source>
            <translation>其他程序正在使用读卡器。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>No calendar is set up for this site.</source>
            <translation>本站点尚未设置办公日历。</translation>
        </message>
        <message>
            <source>No card reader is connected. Check the reader's cable.</source>
            <translation>未连接读卡器。请检查读卡器的电缆。</translation>
        </message>
        <message>
            <source>No card reader is connected. Please call a staff member.</source>
            <translation>未连接读卡器。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>Nothing on the card was changed.</source>
            <translation>卡片上的内容没有任何更改。</translation>
        </message>
        <message>
            <source>On this card one PIN opens both keys, so it cannot prove itself. It can be reset at the counter, after an identity check.</source>
            <translation>这张卡的两个密钥使用同一个密码，因此无法用它确认本人身份。可在窗口确认本人身份后重新设置。</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the reader.</source>
            <translation>请将个人编号卡放在读卡器上。</translation>
        </message>
        <message>
            <source>Something went wrong. Please call a staff member.</source>
            <translation>发生了问题。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The audit trail has been altered. Please call a technician.</source>
            <translation>审计记录已被篡改。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The card did not keep the new certificate. The card still works with its previous certificate or the new one. Please start the procedure again.</source>
            <translation>卡片未能保存新的电子证书。卡片仍可使用原来的证书或新证书。请重新开始办理手续。</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>卡片返回了意外的响应。请居民重新放置卡片；如果再次出现，卡片可能已损坏。</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>卡片返回了意外的响应。请重新放置卡片；如果再次出现此情况，请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The card needs the PIN before it can do this.</source>
            <translation>执行此操作需要先输入密码。</translation>
        </message>
        <message>
            <source>The card reader could not pass a command to the card. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>读卡器未能向卡片发送指令。请重新放置卡片；如果再次出现此情况，请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The card reader service (pcscd) is not running. Restart the terminal; if it persists, call a technician.</source>
            <translation>读卡器服务（pcscd）未运行。请重启终端；如问题仍然存在，请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The card reader service is not running. Please call a staff member.</source>
            <translation>读卡器服务未运行。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Check the reader's cable.</source>
            <translation>读卡器的连接已断开。请检查读卡器的电缆。</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Please call a staff member.</source>
            <translation>读卡器的连接已断开。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The card refused the authorisation. Please start again.</source>
            <translation>卡片拒绝了授权。请从头开始。</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Please place the card on the reader again.</source>
            <translation>处理完成前卡片被取走了。请将卡片重新放在读卡器上。</translation>
        </message>
        <message>
            <source>The card's data could not be read correctly. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>未能正确读取卡片数据。请重新放置卡片；如果再次出现此情况，请呼叫工作人员。</translation>
        </message>
        <message>
            <source>The card's data could not be read. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>无法读取卡片数据。请居民重新放置卡片；如果再次出现，卡片可能已损坏。</translation>
        </message>
        <message>
            <source>The central service cannot be reached. The terminal will try again automatically.</source>
            <translation>无法连接中心系统。终端将自动重试。</translation>
        </message>
        <message>
            <source>The central service does not accept this terminal. Please call a technician.</source>
            <translation>中心系统不接受此终端。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The central service is busy. The terminal will try again automatically.</source>
            <translation>中心系统繁忙。终端将自动重试。</translation>
        </message>
        <message>
            <source>The central service refused the request.</source>
            <translation>中心系统拒绝了该请求。</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet on this date: its renewal period has not started.</source>
            <translation>在此日期还不能更新电子证书：更新受理期尚未开始。</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet. Renewal opens on {date}.</source>
            <translation>电子证书目前还不能更新。自{date}起受理更新。</translation>
        </message>
        <message>
            <source>The certificate will have expired by this date: it cannot be renewed then, a new one must be issued.</source>
            <translation>到此日期电子证书已过有效期：届时无法更新，需要重新发行。</translation>
        </message>
        <message>
            <source>The identity check is not complete: one document with a photo, or two without, is needed.</source>
            <translation>本人身份确认尚未完成：需要1份带照片的证件，或2份不带照片的证件。</translation>
        </message>
        <message>
            <source>The nearest date that can be booked is {date}.</source>
            <translation>最近可预约的日期是{date}。</translation>
        </message>
        <message>
            <source>The office is closed on this date.</source>
            <translation>该日期为闭厅日。</translation>
        </message>
        <message>
            <source>The operation was cancelled.</source>
            <translation>操作已取消。</translation>
        </message>
        <message>
            <source>The other PIN is locked too, so you cannot prove who you are here. Both can be reset at the counter, after an identity check.</source>
            <translation>另一个密码也已被锁定，因此无法在此确认您的身份。可在窗口确认本人身份后将两者重新设置。</translation>
        </message>
        <message>
            <source>The procedure stopped part way. What was already done on the card is kept, and the card works. Please place the card on the reader and start the procedure again to finish it.</source>
            <translation>手续中途停止了。卡片上已完成的处理会保留，卡片可以正常使用。请将卡片放在读卡器上，重新开始手续以完成办理。</translation>
        </message>
        <message>
            <source>The site calendar has no open day. Please call a technician.</source>
            <translation>办公日历中没有办公日。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The terminal could not save its records.</source>
            <translation>终端未能保存记录。</translation>
        </message>
        <message>
            <source>The terminal is not set up correctly. Please call a technician.</source>
            <translation>终端的设置不正确。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The terminal's disk is full. Records are safe; please call a technician.</source>
            <translation>终端的磁盘已满。记录是安全的；请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The terminal's records are busy. Please try again in a moment.</source>
            <translation>终端的记录正在使用中。请稍后再试。</translation>
        </message>
        <message>
            <source>The terminal's records are damaged. Please call a technician.</source>
            <translation>终端的记录已损坏。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The terminal's records were written by a newer version of this software. Please call a technician.</source>
            <translation>终端的记录是由本软件的较新版本写入的。请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The {pin} is locked after too many wrong entries. It can be reset at the counter.</source>
            <translation>由于多次输入错误，{pin}已被锁定。可在窗口重新设置。</translation>
        </message>
        <message>
            <source>The {pin} is locked. Reset it with an identity check.</source>
            <translation>{pin}已被锁定。请在确认本人身份后重新设置。</translation>
        </message>
        <message>
            <source>The {pin} is wrong. Only one try is left: after one more wrong entry it will be locked.</source>
            <translation>{pin}不正确。仅剩1次机会：再输错1次将被锁定。</translation>
        </message>
        <message>
            <source>The {pin} is wrong. {tries} tries are left.</source>
            <translation>{pin}不正确。还剩{tries}次机会。</translation>
        </message>
        <message>
            <source>There is a problem with the card or the reader.</source>
            <translation>卡片或读卡器有问题。</translation>
        </message>
        <message>
            <source>There is a problem with the central service.</source>
            <translation>中心系统有问题。</translation>
        </message>
        <message>
            <source>This PIN can only be reset at the counter, after an identity check.</source>
            <translation>此密码只能在窗口确认本人身份后重新设置。</translation>
        </message>
        <message>
            <source>This can only be done at the counter, with staff.</source>
            <translation>此手续只能在窗口由工作人员办理。</translation>
        </message>
        <message>
            <source>This card does not hold what this procedure needs. Please call a staff member.</source>
            <translation>此卡中没有本手续所需的信息。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal. Please call a staff member.</source>
            <translation>此卡不支持在本终端进行发行操作。请呼叫工作人员。</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal: use the national issuer's procedure.</source>
            <translation>此卡不支持在本终端进行发行方操作：请使用全国发行机构的手续。</translation>
        </message>
        <message>
            <source>This card has no card-info function, so its details cannot be read here. Please fill in the form by hand.</source>
            <translation>此卡没有卡面信息输入辅助功能，因此无法在此读取记载事项。请手写填写申请表。</translation>
        </message>
        <message>
            <source>This card has no {pin}.</source>
            <translation>此卡没有{pin}。</translation>
        </message>
        <message>
            <source>This card is not a My Number Card. Please check the card and try again.</source>
            <translation>这张卡不是个人编号卡。请确认卡片后重试。</translation>
        </message>
        <message>
            <source>This date cannot be booked.</source>
            <translation>此日期无法预约。</translation>
        </message>
        <message>
            <source>This date has already passed.</source>
            <translation>此日期已经过去。</translation>
        </message>
        <message>
            <source>This is a Basic Resident Register card. It cannot be used here. Please apply for a My Number Card at the counter.</source>
            <translation>这是居民基本台账卡，无法在此使用。请在窗口申请个人编号卡。</translation>
        </message>
        <message>
            <source>This is not a date. Please type it like 2026-12-04.</source>
            <translation>这不是有效的日期。请按照 2026-12-04 的格式输入。</translation>
        </message>
        <message>
            <source>This terminal is in kiosk mode: staff procedures are not available here.</source>
            <translation>本终端处于自助模式：无法在此办理工作人员用的手续。</translation>
        </message>
        <message>
            <source>This {pin} cannot be used. {detail}</source>
            <translation>无法使用此{pin}。{detail}</translation>
        </message>
        <message>
            <source>{reason} {suggestion}</source>
            <translation>{reason}{suggestion}</translation>
        </message>
        <message>
            <source>The document could not be printed or saved. Nothing else is affected; please call a technician.</source>
            <translation>无法打印或保存该文件。其他内容不受影响，请联系技术人员。</translation>
        </message>
        <message>
            <source>The terminal's records are missing or older than the records it made. Nothing will be recorded until a technician checks it.</source>
            <translation>本终端的记录缺失或比其生成的记录更旧。在技术人员检查之前，不会进行任何记录。</translation>
        </message>
        <message>
            <source>The report could not be saved there. Please choose another folder or a USB drive.</source>
            <translation>无法将报告保存到该位置。请选择其他文件夹或U盘。</translation>
        </message>
        <message>
            <source>These dates make no report period: the first day must not be after the last, and a report covers at most a year.</source>
            <translation>这些日期无法构成报告期间：开始日期不能晚于结束日期，且报告最长为一年。</translation>
        </message>
        <message>
            <source>This terminal is not enrolled with the central service. A technician runs: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</source>
            <translation>本终端尚未在中央系统注册。技术人员需运行：kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</translation>
        </message>
    </context>
    <context>
        <name>kiosk</name>
        <message>
            <source>Check when your certificate expires, or reset a forgotten PIN with your other PIN.</source>
            <translation>可以确认电子证书的有效期，或使用另一个密码重新设置忘记的密码。</translation>
        </message>
        <message>
            <source>It opens again on {when}.</source>
            <translation type="vanished">下次开始受理时间为{when}。</translation>
        </message>
        <message>
            <source>My Number Card certificates and PINs</source>
            <translation>个人编号卡的电子证书和密码</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>This kiosk is closed now.</source>
            <translation>本终端现在不在受理时间内。</translation>
        </message>
    </context>
    <context>
        <name>pins</name>
        <message>
            <source>4-digit PIN</source>
            <translation>密码（4位数字）</translation>
        </message>
        <message>
            <source>Choose your new {pin}.</source>
            <translation>请设定并输入新的{pin}。</translation>
        </message>
        <message>
            <source>Enter the new {pin} once more.</source>
            <translation>为了确认，请再次输入新的{pin}。</translation>
        </message>
        <message>
            <source>Enter your current {pin}, or skip if you have forgotten it.</source>
            <translation>请输入当前的{pin}。如果忘记了，请跳过。</translation>
        </message>
        <message>
            <source>Enter your current {pin}.</source>
            <translation>请输入当前的{pin}。</translation>
        </message>
        <message>
            <source>It must have at least {minimum} characters.</source>
            <translation>请输入至少{minimum}个字符。</translation>
        </message>
        <message>
            <source>It must have at most {maximum} characters.</source>
            <translation>请输入不超过{maximum}个字符。</translation>
        </message>
        <message>
            <source>Nothing was entered.</source>
            <translation>尚未输入任何内容。</translation>
        </message>
        <message>
            <source>The two entries do not match. Please enter it again.</source>
            <translation>两次输入的内容不一致。请重新输入。</translation>
        </message>
        <message>
            <source>To prove it is your card, enter your {pin}.</source>
            <translation>为确认这是您本人的卡片，请输入{pin}。</translation>
        </message>
        <message>
            <source>Use digits only.</source>
            <translation>请只输入数字。</translation>
        </message>
        <message>
            <source>Use only the letters A to Z and the digits 0 to 9.</source>
            <translation>请只使用英文字母A～Z和数字0～9。</translation>
        </message>
        <message>
            <source>card-info PIN (4 digits)</source>
            <translation>卡面信息输入辅助用密码（4位数字）</translation>
        </message>
        <message>
            <source>password (6 or more characters)</source>
            <translation>密码（6个字符以上）</translation>
        </message>
        <message>
            <source>resident-register PIN (4 digits)</source>
            <translation>居民基本台账用密码（4位数字）</translation>
        </message>
        <message>
            <source>signing password (6 to 16 characters)</source>
            <translation>签名用电子证书的密码（6～16个字符）</translation>
        </message>
        <message>
            <source>user-authentication PIN (4 digits)</source>
            <translation>用户证明用电子证书的密码（4位数字）</translation>
        </message>
    </context>
    <context>
        <name>screens</name>
        <message>
            <source>A staff member has been called.</source>
            <translation>已呼叫工作人员。</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>呼叫工作人员</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Card expiry date printed on the card</source>
            <translation>卡面上记载的有效期</translation>
        </message>
        <message>
            <source>Change a PIN</source>
            <translation>更改密码</translation>
        </message>
        <message>
            <source>Confirm the resident's identity</source>
            <translation>确认本人身份</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>结束</translation>
        </message>
        <message>
            <source>Fill in a form</source>
            <translation>填写申请表</translation>
        </message>
        <message>
            <source>If the next {pin} you enter is wrong, it will be locked and can only be reset at the counter. Do you want to try?</source>
            <translation>如果下次输入的{pin}不正确，将被锁定，只能在窗口重新设置。要输入吗？</translation>
        </message>
        <message>
            <source>Insert the training card</source>
            <translation>插入培训用卡片</translation>
        </message>
        <message>
            <source>Leave it there until the screen tells you to take it.</source>
            <translation>在画面提示取走之前，请不要移动卡片。</translation>
        </message>
        <message>
            <source>New certificate ({purpose})</source>
            <translation>新的电子证书（{purpose}）</translation>
        </message>
        <message>
            <source>No, stop here</source>
            <translation>不，到此为止</translation>
        </message>
        <message>
            <source>Only one try is left</source>
            <translation>仅剩1次机会</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the card reader.</source>
            <translation>请将个人编号卡放在读卡器上。</translation>
        </message>
        <message>
            <source>Please wait here. Someone will come to help you.</source>
            <translation>请在此稍候。工作人员马上过来协助您。</translation>
        </message>
        <message>
            <source>Please wait. Do not remove the card.</source>
            <translation>请稍候。请不要取走卡片。</translation>
        </message>
        <message>
            <source>Print the pre-filled form</source>
            <translation>打印已填写的申请表</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>打印回执</translation>
        </message>
        <message>
            <source>Renew the certificates</source>
            <translation>更新电子证书</translation>
        </message>
        <message>
            <source>Reset a forgotten PIN</source>
            <translation>重新设置忘记的密码</translation>
        </message>
        <message>
            <source>Shown for filling in the form only; the terminal keeps none of it.</source>
            <translation>仅为填写申请表而显示；终端不会保存任何信息。</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>发生了问题</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>工作人员编号</translation>
        </message>
        <message>
            <source>Staff sign-in</source>
            <translation>工作人员登录</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已中止</translation>
        </message>
        <message>
            <source>The 4-digit PIN for logging in (user authentication)</source>
            <translation>用于登录的4位数字密码（用户证明用）</translation>
        </message>
        <message>
            <source>The 4-digit PIN for the card's information</source>
            <translation>卡面信息输入辅助用的4位数字密码</translation>
        </message>
        <message>
            <source>The card's information for the application</source>
            <translation>用于申请表的卡片信息</translation>
        </message>
        <message>
            <source>The certificates were renewed</source>
            <translation>电子证书已更新</translation>
        </message>
        <message>
            <source>The new PINs are set. Please keep them safe.</source>
            <translation>新的密码已设置。请妥善保管。</translation>
        </message>
        <message>
            <source>The signing password (6 to 16 letters and digits)</source>
            <translation>签名用密码（6～16位英文字母和数字）</translation>
        </message>
        <message>
            <source>The staff ID or the passphrase is wrong.</source>
            <translation>工作人员编号或口令不正确。</translation>
        </message>
        <message>
            <source>The {pin} was changed</source>
            <translation>{pin}已更改</translation>
        </message>
        <message>
            <source>The {pin} was reset</source>
            <translation>{pin}已重新设置</translation>
        </message>
        <message>
            <source>This could not be done</source>
            <translation>未能完成手续</translation>
        </message>
        <message>
            <source>Tick what you have seen: one document with a photo, or two without.</source>
            <translation>请勾选已确认的证件（带照片的1份，或不带照片的2份）。</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Which PIN do you want to change?</source>
            <translation>您要更改哪个密码？</translation>
        </message>
        <message>
            <source>Which PIN have you forgotten?</source>
            <translation>您忘记了哪个密码？</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Yes, enter it</source>
            <translation>是，输入</translation>
        </message>
        <message>
            <source>You can use the new PIN now. Please take your card.</source>
            <translation>新密码现在即可使用。请取回您的卡片。</translation>
        </message>
        <message>
            <source>Your card</source>
            <translation>您的卡片</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>用户证明用</translation>
        </message>
        <message>
            <source>signing</source>
            <translation>签名用</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>有效期至{date}</translation>
        </message>
        <message>
            <source>Records the central service refused</source>
            <translation>中央系统未接受的记录</translation>
        </message>
        <message>
            <source>The receipt could not be printed</source>
            <translation>无法打印回执</translation>
        </message>
        <message>
            <source>The resident is entering a PIN on their screen.</source>
            <translation>居民正在其屏幕上输入密码。</translation>
        </message>
        <message>
            <source>Training: staff ID {staff}, passphrase "{passphrase}".</source>
            <translation>培训用：职员ID {staff}，密码短语“{passphrase}”。</translation>
        </message>
        <message>
            <source>{count} records were refused. A technician can correct and send them again with `kiosk outbox rejected` and `kiosk outbox retry`.</source>
            <translation>有{count}条记录未被接受。技术人员可以使用 `kiosk outbox rejected` 和 `kiosk outbox retry` 修正后重新发送。</translation>
        </message>
        <message>
            <source>Appointment date</source>
            <translation>预约日期</translation>
        </message>
        <message>
            <source>Check the date</source>
            <translation>确认日期</translation>
        </message>
        <message>
            <source>{date} can be booked.</source>
            <translation>可以预约{date}。</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>再次检查</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>Technician: checks of this terminal</source>
            <translation>技术人员：本终端的检查</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>A staff member is on the way.</source>
            <translation>工作人员正在赶来。</translation>
        </message>
        <message>
            <source>Calling a staff member…</source>
            <translation>正在呼叫工作人员…</translation>
        </message>
        <message>
            <source>No central service is configured.</source>
            <translation>未设置中央服务。</translation>
        </message>
        <message>
            <source>Please go to the counter, or ask anyone working here for help.</source>
            <translation>请前往窗口，或向附近的工作人员求助。</translation>
        </message>
        <message>
            <source>Please wait here.</source>
            <translation>请在此等候。</translation>
        </message>
        <message>
            <source>The staff could not be called from here.</source>
            <translation>无法从这里呼叫工作人员。</translation>
        </message>
        <message>
            <source>Scroll the text</source>
            <translation>滚动文字</translation>
        </message>
    </context>
    <context>
        <name>steps</name>
        <message>
            <source>Asking the central service for authorisation…</source>
            <translation>正在向中心系统请求授权…</translation>
        </message>
        <message>
            <source>Changing the PIN…</source>
            <translation>正在更改密码…</translation>
        </message>
        <message>
            <source>Checking identity…</source>
            <translation>正在确认本人身份…</translation>
        </message>
        <message>
            <source>Checking the card…</source>
            <translation>正在检查卡片…</translation>
        </message>
        <message>
            <source>Confirming it is your card…</source>
            <translation>正在确认是否为您本人的卡片…</translation>
        </message>
        <message>
            <source>Entering PINs…</source>
            <translation>正在输入密码…</translation>
        </message>
        <message>
            <source>Reading the card's information…</source>
            <translation>正在读取卡片信息…</translation>
        </message>
        <message>
            <source>Reading the card…</source>
            <translation>正在读取卡片…</translation>
        </message>
        <message>
            <source>Saving the record…</source>
            <translation>正在保存记录…</translation>
        </message>
        <message>
            <source>Setting the new PIN…</source>
            <translation>正在设置新密码…</translation>
        </message>
        <message>
            <source>The card is making a new key…</source>
            <translation>卡片正在生成新的密钥…</translation>
        </message>
        <message>
            <source>The new certificate is being issued…</source>
            <translation>正在发行新的电子证书…</translation>
        </message>
        <message>
            <source>Writing the new certificate to the card…</source>
            <translation>正在将新的电子证书写入卡片…</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Call staff</source>
            <translation>呼叫工作人员</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Signed in: {staff}</source>
            <translation>已登录：{staff}</translation>
        </message>
        <message>
            <source>TRAINING: a virtual card and a local central service. Nothing here is real.</source>
            <translation>培训模式：使用虚拟卡片和本地中心系统。此处的操作均非真实办理。</translation>
        </message>
        <message>
            <source>e-certificate terminal</source>
            <translation>电子证书终端</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>高对比度</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <source>Please follow the staff member's instructions. When asked, enter your PIN on this screen.</source>
            <translation>请按照工作人员的指示操作。需要时，请在此屏幕上输入密码。</translation>
        </message>
        <message>
            <source>Today's counts</source>
            <translation>今日的件数</translation>
        </message>
    </context>
    <context>
        <name>calendar</name>
        <message>
            <source>Closed now. Next open: {date}, from {time}.</source>
            <translation>现在不在受理时间。下次受理：{date} {time}起。</translation>
        </message>
        <message>
            <source>Closed now. Opens today at {time}.</source>
            <translation>现在不在受理时间。今天{time}开始受理。</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <source>No appointment is needed.</source>
            <translation>无需预约。</translation>
        </message>
        <message>
            <source>Open now, until {time}.</source>
            <translation>现在受理中，至{time}。</translation>
        </message>
        <message>
            <source>Please book an appointment, or come without one from {date}.</source>
            <translation>请预约，或自{date}起无需预约直接前来。</translation>
        </message>
        <message>
            <source>Please book an appointment.</source>
            <translation>请预约。</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed any more: a new one is issued at the counter, from {date}.</source>
            <translation>电子证书已无法更新：请自{date}起到窗口办理新的发行。</translation>
        </message>
        <message>
            <source>The last day the counter is open before it expires is {date}.</source>
            <translation>证书到期前窗口最后的受理日为{date}。</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from today.</source>
            <translation>从今天起可以在窗口更新电子证书。</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from {date}.</source>
            <translation>从{date}起可以在窗口更新电子证书。</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>休息</translation>
        </message>
        <message>
            <source>closed (monthly closing day)</source>
            <translation>休息（每月休息日）</translation>
        </message>
        <message>
            <source>closed (national holiday: {holiday})</source>
            <translation>休息（法定节假日：{holiday}）</translation>
        </message>
        <message>
            <source>closed (special closing day)</source>
            <translation>休息（特别休息日）</translation>
        </message>
        <message>
            <source>closed (yearly closure, such as the year end)</source>
            <translation>休息（年末年初等）</translation>
        </message>
        <message>
            <source>{hours} (national holiday: {holiday})</source>
            <translation>{hours}（法定节假日：{holiday}）</translation>
        </message>
        <message>
            <source>{weekday} {day} {month_name} {year}</source>
            <translation>{year}年{month}月{day}日（{weekday}）</translation>
        </message>
    </context>
</TS>
