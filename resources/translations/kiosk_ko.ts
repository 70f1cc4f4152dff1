<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
    <context>
        <name>PinPad</name>
        <message>
            <source>Back</source>
            <translation>지우기</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>중지</translation>
        </message>
        <message>
            <source>Cancel this entry</source>
            <translation>이 입력을 중지합니다</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>전체 삭제</translation>
        </message>
        <message>
            <source>Clear everything entered</source>
            <translation>입력한 내용을 모두 지웁니다</translation>
        </message>
        <message>
            <source>Confirm the entry</source>
            <translation>입력을 확정합니다</translation>
        </message>
        <message>
            <source>Delete the last character</source>
            <translation>마지막 한 글자를 지웁니다</translation>
        </message>
        <message>
            <source>Digit {key}</source>
            <translation>숫자 {key}</translation>
        </message>
        <message>
            <source>Entered so far</source>
            <translation>지금까지 입력한 글자 수</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>키</translation>
        </message>
        <message>
            <source>Last try: if this entry is wrong, the PIN will be locked.</source>
            <translation>마지막 기회입니다. 이번에 틀리면 비밀번호가 잠깁니다.</translation>
        </message>
        <message>
            <source>Letter {key}</source>
            <translation>영문자 {key}</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>확정</translation>
        </message>
        <message>
            <source>PIN entry on the resident's screen</source>
            <translation>고객 화면에서 비밀번호 입력</translation>
        </message>
        <message>
            <source>PIN pad</source>
            <translation>비밀번호 입력 키패드</translation>
        </message>
        <message>
            <source>Show the digit keys</source>
            <translation>숫자 키 표시</translation>
        </message>
        <message>
            <source>Show the letter keys</source>
            <translation>영문자 키 표시</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>건너뛰기</translation>
        </message>
        <message>
            <source>Skip this PIN</source>
            <translation>이 비밀번호 입력을 건너뜁니다</translation>
        </message>
        <message>
            <source>{count} characters entered</source>
            <translation>{count}자 입력됨</translation>
        </message>
        <message>
            <source>{count} digits</source>
            <translation>숫자 {count}자리</translation>
        </message>
        <message>
            <source>{count} entered ({minimum} to {maximum})</source>
            <translation>{count}자 입력({minimum}~{maximum}자)</translation>
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation>{count} / {maximum}</translation>
        </message>
        <message>
            <source>{count} of {maximum} tries left</source>
            <translation>남은 횟수 {count}회(총 {maximum}회)</translation>
        </message>
        <message>
            <source>{count} tries left</source>
            <translation>남은 횟수 {count}회</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} characters: letters A to Z and digits 0 to 9</source>
            <translation>{minimum}~{maximum}자: 영문 대문자(A~Z)와 숫자(0~9)</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} digits</source>
            <translation>숫자 {minimum}~{maximum}자리</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Card reader</source>
            <translation>카드 리더기</translation>
        </message>
        <message>
            <source>Card reader service not running</source>
            <translation>카드 리더기 서비스가 실행되고 있지 않음</translation>
        </message>
        <message>
            <source>Central service</source>
            <translation>중앙 시스템</translation>
        </message>
        <message>
            <source>Central service: connected</source>
            <translation>중앙 시스템: 연결됨</translation>
        </message>
        <message>
            <source>Central service: connected since {time}</source>
            <translation>중앙 시스템: 연결됨({time}부터)</translation>
        </message>
        <message>
            <source>Central service: not checked yet</source>
            <translation>중앙 시스템: 아직 확인 안 됨</translation>
        </message>
        <message>
            <source>Central service: unreachable</source>
            <translation>중앙 시스템: 연결할 수 없음</translation>
        </message>
        <message>
            <source>Central service: unreachable since {time}</source>
            <translation>중앙 시스템: 연결할 수 없음({time}부터)</translation>
        </message>
        <message>
            <source>No card reader</source>
            <translation>카드 리더기 없음</translation>
        </message>
        <message>
            <source>Outbox: nothing waiting</source>
            <translation>전송 대기: 없음</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting</source>
            <translation>전송 대기: {count}건</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting, oldest {age}</source>
            <translation>전송 대기: {count}건(가장 오래된 것 {age} 전)</translation>
        </message>
        <message>
            <source>Records waiting to be sent</source>
            <translation>전송 대기 중인 기록</translation>
        </message>
        <message>
            <source>Rejected records: {count}. Show them</source>
            <translation>거부된 기록: {count}건. 목록 보기</translation>
        </message>
        <message>
            <source>Rejected: {count}</source>
            <translation>거부됨: {count}건</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>전송</translation>
        </message>
        <message>
            <source>Sending stopped: please call a technician</source>
            <translation>전송 중지됨: 기술 담당자를 불러 주십시오</translation>
        </message>
        <message>
            <source>TRAINING MODE: practice only, no real certificate is issued</source>
            <translation>연수 모드: 연습용이며 실제 전자증명서는 발급되지 않습니다</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>연수 모드</translation>
        </message>
        <message>
            <source>{count} days</source>
            <translation>{count}일</translation>
        </message>
        <message>
            <source>{count} h</source>
            <translation>{count}시간</translation>
        </message>
        <message>
            <source>{count} min</source>
            <translation>{count}분</translation>
        </message>
        <message>
            <source>{count} s</source>
            <translation>{count}초</translation>
        </message>
        <message>
            <source>{reader}: card inserted</source>
            <translation>{reader}: 카드 있음</translation>
        </message>
        <message>
            <source>{reader}: no card</source>
            <translation>{reader}: 카드 없음</translation>
        </message>
    </context>
    <context>
        <name>check</name>
        <message>
            <source>Card</source>
            <translation>카드</translation>
        </message>
        <message>
            <source>Certificate expires on</source>
            <translation>전자증명서 유효기간</translation>
        </message>
        <message>
            <source>Certificate serial</source>
            <translation>전자증명서 일련번호</translation>
        </message>
        <message>
            <source>Locked. It can be reset at the counter, or with your other PIN at a kiosk.</source>
            <translation>잠겨 있습니다. 창구에서, 또는 키오스크에서 다른 비밀번호를 사용하여 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>My Number Card</source>
            <translation>마이넘버 카드</translation>
        </message>
        <message>
            <source>My Number Card (next generation)</source>
            <translation>마이넘버 카드(차세대)</translation>
        </message>
        <message>
            <source>Nothing to do now. Renewal opens on {date}.</source>
            <translation>지금은 절차가 필요하지 않습니다. 갱신은 {date}부터 접수합니다.</translation>
        </message>
        <message>
            <source>Only 1 try left of {max}</source>
            <translation>남은 횟수 1회(총 {max}회)</translation>
        </message>
        <message>
            <source>The certificate can be renewed now, at the counter (since {date}).</source>
            <translation>전자증명서는 지금 창구에서 갱신할 수 있습니다({date}부터 접수 중).</translation>
        </message>
        <message>
            <source>The certificate expired on {date}. A new one can be issued at the counter.</source>
            <translation>전자증명서는 {date}에 유효기간이 만료되었습니다. 창구에서 새로 발급받을 수 있습니다.</translation>
        </message>
        <message>
            <source>The certificate is valid from {date}.</source>
            <translation>전자증명서는 {date}부터 유효합니다.</translation>
        </message>
        <message>
            <source>{date} (expired {days} days ago)</source>
            <translation>{date}({days}일 전에 만료)</translation>
        </message>
        <message>
            <source>{date} ({days} days left)</source>
            <translation>{date}({days}일 남음)</translation>
        </message>
        <message>
            <source>{left} of {max} tries left</source>
            <translation>남은 횟수 {left}회(총 {max}회)</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>A staff member must sign in first.</source>
            <translation>먼저 직원이 로그인해야 합니다.</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Close it and try again.</source>
            <translation>다른 프로그램이 카드 리더기를 사용 중입니다. 그 프로그램을 종료한 후 다시 시도해 주십시오.</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Please call a staff member.</source>
            <translation>다른 프로그램이 카드 리더기를 사용 중입니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>No calendar is set up for this site.</source>
            <translation>이 거점에는 개청 일정표가 설정되어 있지 않습니다.</translation>
        </message>
        <message>
            <source>No card reader is connected. Check the reader's cable.</source>
            <translation>카드 리더기가 연결되어 있지 않습니다. 리더기 케이블을 확인해 주십시오.</translation>
        </message>
        <message>
            <source>No card reader is connected. Please call a staff member.</source>
            <translation>카드 리더기가 연결되어 있지 않습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>Nothing on the card was changed.</source>
            <translation>카드의 내용은 변경되지 않았습니다.</translation>
        </message>
        <message>
            <source>On this card one PIN opens both keys, so it cannot prove itself. It can be reset at the counter, after an identity check.</source>
            <translation>이 카드는 하나의 비밀번호로 두 키를 모두 사용하므로 본인 확인에 쓸 수 없습니다. 창구에서 본인 확인 후 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the reader.</source>
            <translation>마이넘버 카드를 리더기 위에 올려놓아 주십시오.</translation>
        </message>
        <message>
            <source>Something went wrong. Please call a staff member.</source>
            <translation>문제가 발생했습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The audit trail has been altered. Please call a technician.</source>
            <translation>감사 기록이 변경되었습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card did not keep the new certificate. The card still works with its previous certificate or the new one. Please start the procedure again.</source>
            <translation>카드에 새 전자증명서가 저장되지 않았습니다. 카드는 이전 증명서 또는 새 증명서로 계속 사용할 수 있습니다. 절차를 다시 시작해 주십시오.</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>카드에서 예상하지 못한 응답이 있었습니다. 주민에게 카드를 다시 올려놓도록 안내해 주십시오. 다시 발생하면 카드가 손상되었을 수 있습니다.</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>카드에서 예상하지 못한 응답이 있었습니다. 카드를 다시 올려놓아 주십시오. 같은 일이 다시 발생하면 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card needs the PIN before it can do this.</source>
            <translation>이 작업을 하려면 먼저 비밀번호를 입력해야 합니다.</translation>
        </message>
        <message>
            <source>The card reader could not pass a command to the card. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>카드 리더기가 카드에 명령을 전달하지 못했습니다. 카드를 다시 올려놓아 주십시오. 같은 일이 다시 발생하면 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card reader service (pcscd) is not running. Restart the terminal; if it persists, call a technician.</source>
            <translation>카드 리더기 서비스(pcscd)가 실행되고 있지 않습니다. 단말기를 다시 시작하고, 문제가 계속되면 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card reader service is not running. Please call a staff member.</source>
            <translation>카드 리더기 서비스가 실행되고 있지 않습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Check the reader's cable.</source>
            <translation>카드 리더기 연결이 끊어졌습니다. 리더기 케이블을 확인해 주십시오.</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Please call a staff member.</source>
            <translation>카드 리더기 연결이 끊어졌습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card refused the authorisation. Please start again.</source>
            <translation>카드가 승인을 거부했습니다. 처음부터 다시 시작해 주십시오.</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Please place the card on the reader again.</source>
            <translation>작업이 끝나기 전에 카드가 제거되었습니다. 카드를 다시 리더기 위에 올려놓아 주십시오.</translation>
        </message>
        <message>
            <source>The card's data could not be read correctly. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>카드의 데이터를 올바르게 읽지 못했습니다. 카드를 다시 올려놓아 주십시오. 같은 일이 다시 발생하면 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>The card's data could not be read. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>카드의 데이터를 읽지 못했습니다. 주민에게 카드를 다시 올려놓도록 안내해 주십시오. 다시 발생하면 카드가 손상되었을 수 있습니다.</translation>
        </message>
        <message>
            <source>The central service cannot be reached. The terminal will try again automatically.</source>
            <translation>중앙 시스템에 연결할 수 없습니다. 단말기가 자동으로 다시 시도합니다.</translation>
        </message>
        <message>
            <source>The central service does not accept this terminal. Please call a technician.</source>
            <translation>중앙 시스템이 이 단말기를 받아들이지 않습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The central service is busy. The terminal will try again automatically.</source>
            <translation>중앙 시스템이 혼잡합니다. 단말기가 자동으로 다시 시도합니다.</translation>
        </message>
        <message>
            <source>The central service refused the request.</source>
            <translation>중앙 시스템이 요청을 거부했습니다.</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet on this date: its renewal period has not started.</source>
            <translation>이 날짜에는 아직 전자증명서를 갱신할 수 없습니다. 갱신 접수 기간이 시작되지 않았습니다.</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet. Renewal opens on {date}.</source>
            <translation>전자증명서는 아직 갱신할 수 없습니다. 갱신은 {date}부터 접수합니다.</translation>
        </message>
        <message>
            <source>The certificate will have expired by this date: it cannot be renewed then, a new one must be issued.</source>
            <translation>이 날짜에는 전자증명서의 유효기간이 이미 만료됩니다. 갱신할 수 없으며 새로 발급받아야 합니다.</translation>
        </message>
        <message>
            <source>The identity check is not complete: one document with a photo, or two without, is needed.</source>
            <translation>본인 확인이 완료되지 않았습니다. 사진이 있는 서류 1점 또는 사진이 없는 서류 2점이 필요합니다.</translation>
        </message>
        <message>
            <source>The nearest date that can be booked is {date}.</source>
            <translation>예약할 수 있는 가장 가까운 날짜는 {date}입니다.</translation>
        </message>
        <message>
            <source>The office is closed on this date.</source>
            <translation>이 날은 휴무일입니다.</translation>
        </message>
        <message>
            <source>The operation was cancelled.</source>
            <translation>작업이 취소되었습니다.</translation>
        </message>
        <message>
            <source>The other PIN is locked too, so you cannot prove who you are here. Both can be reset at the counter, after an identity check.</source>
            <translation>다른 비밀번호도 잠겨 있어 여기에서는 본인 확인을 할 수 없습니다. 창구에서 본인 확인 후 두 가지 모두 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>The procedure stopped part way. What was already done on the card is kept, and the card works. Please place the card on the reader and start the procedure again to finish it.</source>
            <translation>절차가 도중에 중단되었습니다. 카드에 이미 처리된 내용은 유지되며 카드는 정상적으로 사용할 수 있습니다. 카드를 리더기 위에 올려놓고 절차를 다시 시작하여 완료해 주십시오.</translation>
        </message>
        <message>
            <source>The site calendar has no open day. Please call a technician.</source>
            <translation>개청 일정표에 개청일이 없습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The terminal could not save its records.</source>
            <translation>단말기가 기록을 저장하지 못했습니다.</translation>
        </message>
        <message>
            <source>The terminal is not set up correctly. Please call a technician.</source>
            <translation>단말기 설정이 올바르지 않습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The terminal's disk is full. Records are safe; please call a technician.</source>
            <translation>단말기의 디스크가 가득 찼습니다. 기록은 안전하게 보존되어 있습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The terminal's records are busy. Please try again in a moment.</source>
            <translation>단말기의 기록이 사용 중입니다. 잠시 후 다시 시도해 주십시오.</translation>
        </message>
        <message>
            <source>The terminal's records are damaged. Please call a technician.</source>
            <translation>단말기의 기록이 손상되었습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The terminal's records were written by a newer version of this software. Please call a technician.</source>
            <translation>단말기의 기록은 이 소프트웨어의 더 새로운 버전으로 작성되었습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The {pin} is locked after too many wrong entries. It can be reset at the counter.</source>
            <translation>잘못 입력한 횟수가 너무 많아 {pin}이(가) 잠겼습니다. 창구에서 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>The {pin} is locked. Reset it with an identity check.</source>
            <translation>{pin}이(가) 잠겨 있습니다. 본인 확인 후 재설정해 주십시오.</translation>
        </message>
        <message>
            <source>The {pin} is wrong. Only one try is left: after one more wrong entry it will be locked.</source>
            <translation>{pin}이(가) 틀렸습니다. 남은 기회는 1번입니다. 한 번 더 틀리면 잠깁니다.</translation>
        </message>
        <message>
            <source>The {pin} is wrong. {tries} tries are left.</source>
            <translation>{pin}이(가) 틀렸습니다. 남은 기회는 {tries}번입니다.</translation>
        </message>
        <message>
            <source>There is a problem with the card or the reader.</source>
            <translation>카드 또는 카드 리더기에 문제가 있습니다.</translation>
        </message>
        <message>
            <source>There is a problem with the central service.</source>
            <translation>중앙 시스템에 문제가 있습니다.</translation>
        </message>
        <message>
            <source>This PIN can only be reset at the counter, after an identity check.</source>
            <translation>이 비밀번호는 창구에서 본인 확인 후에만 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>This can only be done at the counter, with staff.</source>
            <translation>이 절차는 창구에서 직원과 함께만 진행할 수 있습니다.</translation>
        </message>
        <message>
            <source>This card does not hold what this procedure needs. Please call a staff member.</source>
            <translation>이 카드에는 이 절차에 필요한 정보가 없습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal. Please call a staff member.</source>
            <translation>이 카드는 이 단말기에서 발급 작업을 지원하지 않습니다. 직원을 불러 주십시오.</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal: use the national issuer's procedure.</source>
            <translation>이 카드는 이 단말기에서 발급 기관 작업을 지원하지 않습니다. 전국 발급 기관의 절차를 이용해 주십시오.</translation>
        </message>
        <message>
            <source>This card has no card-info function, so its details cannot be read here. Please fill in the form by hand.</source>
            <translation>이 카드에는 권면사항 입력 보조 기능이 없어 여기에서 기재 사항을 읽을 수 없습니다. 신청서를 직접 작성해 주십시오.</translation>
        </message>
        <message>
            <source>This card has no {pin}.</source>
            <translation>이 카드에는 {pin}이(가) 없습니다.</translation>
        </message>
        <message>
            <source>This card is not a My Number Card. Please check the card and try again.</source>
            <translation>이 카드는 마이넘버 카드가 아닙니다. 카드를 확인한 후 다시 시도해 주십시오.</translation>
        </message>
        <message>
            <source>This date cannot be booked.</source>
            <translation>이 날짜는 예약할 수 없습니다.</translation>
        </message>
        <message>
            <source>This date has already passed.</source>
            <translation>이 날짜는 이미 지났습니다.</translation>
        </message>
        <message>
            <source>This is a Basic Resident Register card. It cannot be used here. Please apply for a My Number Card at the counter.</source>
            <translation>이 카드는 주민기본대장 카드로, 여기에서는 사용할 수 없습니다. 창구에서 마이넘버 카드를 신청해 주십시오.</translation>
        </message>
        <message>
            <source>This is not a date. Please type it like 2026-12-04.</source>
            <translation>날짜 형식이 아닙니다. 2026-12-04와 같이 입력해 주십시오.</translation>
        </message>
        <message>
            <source>This terminal is in kiosk mode: staff procedures are not available here.</source>
            <translation>이 단말기는 키오스크 모드입니다. 직원용 절차는 여기에서 이용할 수 없습니다.</translation>
        </message>
        <message>
            <source>This {pin} cannot be used. {detail}</source>
            <translation>이 {pin}은(는) 사용할 수 없습니다. {detail}</translation>
        </message>
        <message>
            <source>{reason} {suggestion}</source>
            <translation>{reason} {suggestion}</translation>
        </message>
        <message>
            <source>The document could not be printed or saved. Nothing else is affected; please call a technician.</source>
            <translation>문서를 인쇄하거나 저장할 수 없습니다. 다른 것에는 영향이 없습니다. 기술 담당자를 불러 주십시오.</translation>
        </message>
        <message>
            <source>The terminal's records are missing or older than the records it made. Nothing will be recorded until a technician checks it.</source>
            <translation>단말기의 기록이 없거나 만든 기록보다 오래되었습니다. 기술 담당자가 확인할 때까지 아무것도 기록되지 않습니다.</translation>
        </message>
        <message>
            <source>The report could not be saved there. Please choose another folder or a USB drive.</source>
            <translation>그 위치에 보고서를 저장할 수 없습니다. 다른 폴더나 USB 드라이브를 선택해 주십시오.</translation>
        </message>
        <message>
            <source>These dates make no report period: the first day must not be after the last, and a report covers at most a year.</source>
            <translation>이 날짜로는 보고 기간을 만들 수 없습니다. 시작일은 종료일보다 늦을 수 없으며, 보고서는 최대 1년을 다룹니다.</translation>
        </message>
        <message>
            <source>This terminal is not enrolled with the central service. A technician runs: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</source>
            <translation>이 단말기는 중앙 시스템에 등록되어 있지 않습니다. 기술 담당자가 다음을 실행합니다: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</translation>
        </message>
    </context>
    <context>
        <name>kiosk</name>
        <message>
            <source>Check when your certificate expires, or reset a forgotten PIN with your other PIN.</source>
            <translation>전자증명서의 유효기간을 확인하거나, 다른 비밀번호를 사용하여 잊어버린 비밀번호를 재설정할 수 있습니다.</translation>
        </message>
        <message>
            <source>It opens again on {when}.</source>
            <translation type="vanished">다음 접수 시작은 {when}입니다.</translation>
        </message>
        <message>
            <source>My Number Card certificates and PINs</source>
            <translation>마이넘버 카드의 전자증명서와 비밀번호</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>시작하기</translation>
        </message>
        <message>
            <source>This kiosk is closed now.</source>
            <translation>이 단말기는 현재 접수 시간이 아닙니다.</translation>
        </message>
    </context>
    <context>
        <name>pins</name>
        <message>
            <source>4-digit PIN</source>
            <translation>비밀번호(숫자 4자리)</translation>
        </message>
        <message>
            <source>Choose your new {pin}.</source>
            <translation>새 {pin}을(를) 정해서 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Enter the new {pin} once more.</source>
            <translation>확인을 위해 새 {pin}을(를) 한 번 더 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Enter your current {pin}, or skip if you have forgotten it.</source>
            <translation>현재 {pin}을(를) 입력해 주십시오. 잊으셨다면 건너뛰어 주십시오.</translation>
        </message>
        <message>
            <source>Enter your current {pin}.</source>
            <translation>현재 {pin}을(를) 입력해 주십시오.</translation>
        </message>
        <message>
            <source>It must have at least {minimum} characters.</source>
            <translation>{minimum}자 이상 입력해 주십시오.</translation>
        </message>
        <message>
            <source>It must have at most {maximum} characters.</source>
            <translation>{maximum}자 이내로 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Nothing was entered.</source>
            <translation>아무것도 입력되지 않았습니다.</translation>
        </message>
        <message>
            <source>The two entries do not match. Please enter it again.</source>
            <translation>두 번 입력한 내용이 일치하지 않습니다. 다시 입력해 주십시오.</translation>
        </message>
        <message>
            <source>To prove it is your card, enter your {pin}.</source>
            <translation>본인의 카드임을 확인하기 위해 {pin}을(를) 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Use digits only.</source>
            <translation>숫자만 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Use only the letters A to Z and the digits 0 to 9.</source>
            <translation>영문자 A~Z와 숫자 0~9만 사용해 주십시오.</translation>
        </message>
        <message>
            <source>card-info PIN (4 digits)</source>
            <translation>권면사항 입력 보조용 비밀번호(숫자 4자리)</translation>
        </message>
        <message>
            <source>password (6 or more characters)</source>
            <translation>비밀번호(6자 이상)</translation>
        </message>
        <message>
            <source>resident-register PIN (4 digits)</source>
            <translation>주민기본대장용 비밀번호(숫자 4자리)</translation>
        </message>
        <message>
            <source>signing password (6 to 16 characters)</source>
            <translation>서명용 전자증명서 비밀번호(6~16자)</translation>
        </message>
        <message>
            <source>user-authentication PIN (4 digits)</source>
            <translation>이용자 증명용 전자증명서 비밀번호(숫자 4자리)</translation>
        </message>
    </context>
    <context>
        <name>screens</name>
        <message>
            <source>A staff member has been called.</source>
            <translation>직원을 호출했습니다.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>돌아가기</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Card expiry date printed on the card</source>
            <translation>카드 앞면에 기재된 유효기간</translation>
        </message>
        <message>
            <source>Change a PIN</source>
            <translation>비밀번호 변경</translation>
        </message>
        <message>
            <source>Confirm the resident's identity</source>
            <translation>본인 확인</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>확인했습니다</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>Fill in a form</source>
            <translation>신청서 작성</translation>
        </message>
        <message>
            <source>If the next {pin} you enter is wrong, it will be locked and can only be reset at the counter. Do you want to try?</source>
            <translation>다음에 입력하는 {pin}이(가) 틀리면 잠기며, 창구에서만 재설정할 수 있습니다. 입력하시겠습니까?</translation>
        </message>
        <message>
            <source>Insert the training card</source>
            <translation>연수용 카드 삽입</translation>
        </message>
        <message>
            <source>Leave it there until the screen tells you to take it.</source>
            <translation>화면에 안내가 나올 때까지 카드를 그대로 두십시오.</translation>
        </message>
        <message>
            <source>New certificate ({purpose})</source>
            <translation>새 전자증명서({purpose})</translation>
        </message>
        <message>
            <source>No, stop here</source>
            <translation>아니요, 그만두겠습니다</translation>
        </message>
        <message>
            <source>Only one try is left</source>
            <translation>남은 기회는 1번입니다</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>패스프레이즈</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the card reader.</source>
            <translation>마이넘버 카드를 카드 리더기 위에 올려놓아 주십시오.</translation>
        </message>
        <message>
            <source>Please wait here. Someone will come to help you.</source>
            <translation>이곳에서 잠시 기다려 주십시오. 직원이 도와드리러 갑니다.</translation>
        </message>
        <message>
            <source>Please wait. Do not remove the card.</source>
            <translation>잠시 기다려 주십시오. 카드를 빼지 마십시오.</translation>
        </message>
        <message>
            <source>Print the pre-filled form</source>
            <translation>기재된 신청서 인쇄</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>확인증 인쇄</translation>
        </message>
        <message>
            <source>Renew the certificates</source>
            <translation>전자증명서 갱신</translation>
        </message>
        <message>
            <source>Reset a forgotten PIN</source>
            <translation>잊어버린 비밀번호 재설정</translation>
        </message>
        <message>
            <source>Shown for filling in the form only; the terminal keeps none of it.</source>
            <translation>신청서 작성을 위해서만 표시하며, 단말기에는 전혀 저장하지 않습니다.</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>로그인</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>문제가 발생했습니다</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>직원 ID</translation>
        </message>
        <message>
            <source>Staff sign-in</source>
            <translation>직원 로그인</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>중지했습니다</translation>
        </message>
        <message>
            <source>The 4-digit PIN for logging in (user authentication)</source>
            <translation>로그인용 숫자 4자리 비밀번호(이용자 증명용)</translation>
        </message>
        <message>
            <source>The 4-digit PIN for the card's information</source>
            <translation>권면사항 입력 보조용 숫자 4자리 비밀번호</translation>
        </message>
        <message>
            <source>The card's information for the application</source>
            <translation>신청서에 기재할 카드 정보</translation>
        </message>
        <message>
            <source>The certificates were renewed</source>
            <translation>전자증명서를 갱신했습니다</translation>
        </message>
        <message>
            <source>The new PINs are set. Please keep them safe.</source>
            <translation>새 비밀번호를 설정했습니다. 소중히 보관해 주십시오.</translation>
        </message>
        <message>
            <source>The signing password (6 to 16 letters and digits)</source>
            <translation>서명용 비밀번호(영문·숫자 6~16자)</translation>
        </message>
        <message>
            <source>The staff ID or the passphrase is wrong.</source>
            <translation>직원 ID 또는 패스프레이즈가 올바르지 않습니다.</translation>
        </message>
        <message>
            <source>The {pin} was changed</source>
            <translation>{pin}을(를) 변경했습니다</translation>
        </message>
        <message>
            <source>The {pin} was reset</source>
            <translation>{pin}을(를) 재설정했습니다</translation>
        </message>
        <message>
            <source>This could not be done</source>
            <translation>절차를 완료하지 못했습니다</translation>
        </message>
        <message>
            <source>Tick what you have seen: one document with a photo, or two without.</source>
            <translation>확인한 서류에 체크해 주십시오(사진이 있는 서류 1점 또는 사진이 없는 서류 2점).</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>다시 시도</translation>
        </message>
        <message>
            <source>Which PIN do you want to change?</source>
            <translation>어느 비밀번호를 변경하시겠습니까?</translation>
        </message>
        <message>
            <source>Which PIN have you forgotten?</source>
            <translation>어느 비밀번호를 잊으셨습니까?</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>처리 중</translation>
        </message>
        <message>
            <source>Yes, enter it</source>
            <translation>예, 입력하겠습니다</translation>
        </message>
        <message>
            <source>You can use the new PIN now. Please take your card.</source>
            <translation>새 비밀번호는 지금 바로 사용할 수 있습니다. 카드를 가져가십시오.</translation>
        </message>
        <message>
            <source>Your card</source>
            <translation>고객님의 카드</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>이용자 증명용</translation>
        </message>
        <message>
            <source>signing</source>
            <translation>서명용</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>{date}까지 유효</translation>
        </message>
        <message>
            <source>Records the central service refused</source>
            <translation>중앙 시스템이 거부한 기록</translation>
        </message>
        <message>
            <source>The receipt could not be printed</source>
            <translation>영수증을 인쇄할 수 없습니다</translation>
        </message>
        <message>
            <source>The resident is entering a PIN on their screen.</source>
            <translation>주민이 자신의 화면에서 비밀번호를 입력하고 있습니다.</translation>
        </message>
        <message>
            <source>Training: staff ID {staff}, passphrase "{passphrase}".</source>
            <translation>연수용: 직원 ID {staff}, 암호 문구 "{passphrase}".</translation>
        </message>
        <message>
            <source>{count} records were refused. A technician can correct and send them again with `kiosk outbox rejected` and `kiosk outbox retry`.</source>
            <translation>{count}건의 기록이 거부되었습니다. 기술 담당자가 `kiosk outbox rejected`와 `kiosk outbox retry`로 수정하여 다시 보낼 수 있습니다.</translation>
        </message>
        <message>
            <source>Appointment date</source>
            <translation>예약일</translation>
        </message>
        <message>
            <source>Check the date</source>
            <translation>날짜 확인</translation>
        </message>
        <message>
            <source>{date} can be booked.</source>
            <translation>{date}에 예약할 수 있습니다.</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>다시 확인</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>확인하는 중…</translation>
        </message>
        <message>
            <source>Technician: checks of this terminal</source>
            <translation>기술 담당자: 이 단말기 점검</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>고장</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>정상</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>경고</translation>
        </message>
        <message>
            <source>A staff member is on the way.</source>
            <translation>직원이 오고 있습니다.</translation>
        </message>
        <message>
            <source>Calling a staff member…</source>
            <translation>직원을 부르고 있습니다…</translation>
        </message>
        <message>
            <source>No central service is configured.</source>
            <translation>중앙 서비스가 설정되어 있지 않습니다.</translation>
        </message>
        <message>
            <source>Please go to the counter, or ask anyone working here for help.</source>
            <translation>창구로 가시거나 가까운 직원에게 도움을 요청해 주십시오.</translation>
        </message>
        <message>
            <source>Please wait here.</source>
            <translation>여기에서 기다려 주십시오.</translation>
        </message>
        <message>
            <source>The staff could not be called from here.</source>
            <translation>여기에서 직원을 부를 수 없었습니다.</translation>
        </message>
        <message>
            <source>Scroll the text</source>
            <translation>글 스크롤</translation>
        </message>
    </context>
    <context>
        <name>steps</name>
        <message>
            <source>Asking the central service for authorisation…</source>
            <translation>중앙 시스템에 승인을 요청하고 있습니다…</translation>
        </message>
        <message>
            <source>Changing the PIN…</source>
            <translation>비밀번호를 변경하고 있습니다…</translation>
        </message>
        <message>
            <source>Checking identity…</source>
            <translation>본인 확인을 하고 있습니다…</translation>
        </message>
        <message>
            <source>Checking the card…</source>
            <translation>카드를 확인하고 있습니다…</translation>
        </message>
        <message>
            <source>Confirming it is your card…</source>
            <translation>본인의 카드인지 확인하고 있습니다…</translation>
        </message>
        <message>
            <source>Entering PINs…</source>
            <translation>비밀번호를 입력하고 있습니다…</translation>
        </message>
        <message>
            <source>Reading the card's information…</source>
            <translation>카드의 정보를 읽고 있습니다…</translation>
        </message>
        <message>
            <source>Reading the card…</source>
            <translation>카드를 읽고 있습니다…</translation>
        </message>
        <message>
            <source>Saving the record…</source>
            <translation>기록을 저장하고 있습니다…</translation>
        </message>
        <message>
            <source>Setting the new PIN…</source>
            <translation>새 비밀번호를 설정하고 있습니다…</translation>
        </message>
        <message>
            <source>The card is making a new key…</source>
            <translation>카드가 새 키를 만들고 있습니다…</translation>
        </message>
        <message>
            <source>The new certificate is being issued…</source>
            <translation>새 전자증명서를 발급하고 있습니다…</translation>
        </message>
        <message>
            <source>Writing the new certificate to the card…</source>
            <translation>새 전자증명서를 카드에 기록하고 있습니다…</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Call staff</source>
            <translation>직원 호출</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>잠금</translation>
        </message>
        <message>
            <source>Signed in: {staff}</source>
            <translation>로그인 중: {staff}</translation>
        </message>
        <message>
            <source>TRAINING: a virtual card and a local central service. Nothing here is real.</source>
            <translation>연수 모드: 가상 카드와 로컬 중앙 시스템을 사용합니다. 실제 절차가 아닙니다.</translation>
        </message>
        <message>
            <source>e-certificate terminal</source>
            <translation>전자증명서 단말기</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>고대비</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>글자 크게</translation>
        </message>
        <message>
            <source>Please follow the staff member's instructions. When asked, enter your PIN on this screen.</source>
            <translation>직원의 안내에 따라 주십시오. 요청이 있으면 이 화면에서 비밀번호를 입력해 주십시오.</translation>
        </message>
        <message>
            <source>Today's counts</source>
            <translation>오늘의 건수</translation>
        </message>
    </context>
    <context>
        <name>calendar</name>
        <message>
            <source>Closed now. Next open: {date}, from {time}.</source>
            <translation>지금은 접수 시간이 아닙니다. 다음 접수: {date} {time}부터.</translation>
        </message>
        <message>
            <source>Closed now. Opens today at {time}.</source>
            <translation>지금은 접수 시간이 아닙니다. 오늘 {time}부터 접수합니다.</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>금</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>월</translation>
        </message>
        <message>
            <source>No appointment is needed.</source>
            <translation>예약이 필요 없습니다.</translation>
        </message>
        <message>
            <source>Open now, until {time}.</source>
            <translation>지금 접수 중입니다. {time}까지.</translation>
        </message>
        <message>
            <source>Please book an appointment, or come without one from {date}.</source>
            <translation>예약하시거나, {date}부터는 예약 없이 오셔도 됩니다.</translation>
        </message>
        <message>
            <source>Please book an appointment.</source>
            <translation>예약해 주십시오.</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>토</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>일</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed any more: a new one is issued at the counter, from {date}.</source>
            <translation>전자 증명서를 더 이상 갱신할 수 없습니다. {date}부터 창구에서 새로 발급합니다.</translation>
        </message>
        <message>
            <source>The last day the counter is open before it expires is {date}.</source>
            <translation>만료 전 창구의 마지막 접수일은 {date}입니다.</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>목</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>화</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>수</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from today.</source>
            <translation>오늘부터 창구에서 전자 증명서를 갱신할 수 있습니다.</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from {date}.</source>
            <translation>{date}부터 창구에서 전자 증명서를 갱신할 수 있습니다.</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>휴무</translation>
        </message>
        <message>
            <source>closed (monthly closing day)</source>
            <translation>휴무 (매월 휴무일)</translation>
        </message>
        <message>
            <source>closed (national holiday: {holiday})</source>
            <translation>휴무 (공휴일: {holiday})</translation>
        </message>
        <message>
            <source>closed (special closing day)</source>
            <translation>휴무 (특별 휴무일)</translation>
        </message>
        <message>
            <source>closed (yearly closure, such as the year end)</source>
            <translation>휴무 (연말연시 등)</translation>
        </message>
        <message>
            <source>{hours} (national holiday: {holiday})</source>
            <translation>{hours} (공휴일: {holiday})</translation>
        </message>
        <message>
            <source>{weekday} {day} {month_name} {year}</source>
            <translation>{year}년 {month}월 {day}일 ({weekday})</translation>
        </message>
    </context>
</TS>
