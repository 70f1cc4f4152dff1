<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>PinPad</name>
        <message>
            <source>Back</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Cancel this entry</source>
            <translation>Hủy lần nhập này</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Xóa hết</translation>
        </message>
        <message>
            <source>Clear everything entered</source>
            <translation>Xóa toàn bộ nội dung đã nhập</translation>
        </message>
        <message>
            <source>Confirm the entry</source>
            <translation>Xác nhận nội dung đã nhập</translation>
        </message>
        <message>
            <source>Delete the last character</source>
            <translation>Xóa ký tự cuối cùng</translation>
        </message>
        <message>
            <source>Digit {key}</source>
            <translation>Chữ số {key}</translation>
        </message>
        <message>
            <source>Entered so far</source>
            <translation>Số ký tự đã nhập</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Phím</translation>
        </message>
        <message>
            <source>Last try: if this entry is wrong, the PIN will be locked.</source>
            <translation>Lần thử cuối cùng: nếu nhập sai lần này, mã PIN sẽ bị khóa.</translation>
        </message>
        <message>
            <source>Letter {key}</source>
            <translation>Chữ cái {key}</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Xác nhận</translation>
        </message>
        <message>
            <source>PIN entry on the resident's screen</source>
            <translation>Nhập mã PIN trên màn hình của cư dân</translation>
        </message>
        <message>
            <source>PIN pad</source>
            <translation>Bàn phím nhập mã PIN</translation>
        </message>
        <message>
            <source>Show the digit keys</source>
            <translation>Hiện phím số</translation>
        </message>
        <message>
            <source>Show the letter keys</source>
            <translation>Hiện phím chữ</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Skip this PIN</source>
            <translation>Bỏ qua mã PIN này</translation>
        </message>
        <message>
            <source>{count} characters entered</source>
            <translation>Đã nhập {count} ký tự</translation>
        </message>
        <message>
            <source>{count} digits</source>
            <translation>{count} chữ số</translation>
        </message>
        <message>
            <source>{count} entered ({minimum} to {maximum})</source>
            <translation>Đã nhập {count} ({minimum} đến {maximum} ký tự)</translation>
        </message>
        <message>
            <source>{count} of {maximum}</source>
            <translation>{count} / {maximum}</translation>
        </message>
        <message>
            <source>{count} of {maximum} tries left</source>
            <translation>Còn {count} lần thử (trên tổng số {maximum} lần)</translation>
        </message>
        <message>
            <source>{count} tries left</source>
            <translation>Còn {count} lần thử</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} characters: letters A to Z and digits 0 to 9</source>
            <translation>{minimum} đến {maximum} ký tự: chữ cái A đến Z và chữ số 0 đến 9</translation>
        </message>
        <message>
            <source>{minimum} to {maximum} digits</source>
            <translation>{minimum} đến {maximum} chữ số</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Card reader</source>
            <translation>Đầu đọc thẻ</translation>
        </message>
        <message>
            <source>Card reader service not running</source>
            <translation>Dịch vụ đầu đọc thẻ không hoạt động</translation>
        </message>
        <message>
            <source>Central service</source>
            <translation>Hệ thống trung tâm</translation>
        </message>
        <message>
            <source>Central service: connected</source>
            <translation>Hệ thống trung tâm: đã kết nối</translation>
        </message>
        <message>
            <source>Central service: connected since {time}</source>
            <translation>Hệ thống trung tâm: đã kết nối (từ {time})</translation>
        </message>
        <message>
            <source>Central service: not checked yet</source>
            <translation>Hệ thống trung tâm: chưa kiểm tra</translation>
        </message>
        <message>
            <source>Central service: unreachable</source>
            <translation>Hệ thống trung tâm: không kết nối được</translation>
        </message>
        <message>
            <source>Central service: unreachable since {time}</source>
            <translation>Hệ thống trung tâm: không kết nối được (từ {time})</translation>
        </message>
        <message>
            <source>No card reader</source>
            <translation>Không có đầu đọc thẻ</translation>
        </message>
        <message>
            <source>Outbox: nothing waiting</source>
            <translation>Chờ gửi: không có</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting</source>
            <translation>Chờ gửi: {count} hồ sơ</translation>
        </message>
        <message>
            <source>Outbox: {count} waiting, oldest {age}</source>
            <translation>Chờ gửi: {count} hồ sơ, cũ nhất {age} trước</translation>
        </message>
        <message>
            <source>Records waiting to be sent</source>
            <translation>Hồ sơ đang chờ gửi</translation>
        </message>
        <message>
            <source>Rejected records: {count}. Show them</source>
            <translation>Hồ sơ bị từ chối: {count}. Xem danh sách</translation>
        </message>
        <message>
            <source>Rejected: {count}</source>
            <translation>Bị từ chối: {count}</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>Gửi</translation>
        </message>
        <message>
            <source>Sending stopped: please call a technician</source>
            <translation>Đã dừng gửi: xin vui lòng gọi nhân viên kỹ thuật</translation>
        </message>
        <message>
            <source>TRAINING MODE: practice only, no real certificate is issued</source>
            <translation>CHẾ ĐỘ ĐÀO TẠO: chỉ để thực hành, không cấp giấy chứng nhận thật</translation>
        </message>
        <message>
            <source>Training mode</source>
            <translation>Chế độ đào tạo</translation>
        </message>
        <message>
            <source>{count} days</source>
            <translation>{count} ngày</translation>
        </message>
        <message>
            <source>{count} h</source>
            <translation>{count} giờ</translation>
        </message>
        <message>
            <source>{count} min</source>
            <translation>{count} phút</translation>
        </message>
        <message>
            <source>{count} s</source>
            <translation>{count} giây</translation>
        </message>
        <message>
            <source>{reader}: card inserted</source>
            <translation>{reader}: đã có thẻ</translation>
        </message>
        <message>
            <source>{reader}: no card</source>
            <translation>{reader}: không có thẻ</translation>
        </message>
    </context>
    <context>
        <name>check</name>
        <message>
            <source>Card</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <source>Certificate expires on</source>
            <translation>Ngày hết hạn của giấy chứng nhận</translation>
        </message>
        <message>
            <source>Certificate serial</source>
            <translation>Số sê-ri giấy chứng nhận</translation>
        </message>
        <message>
            <source>Locked. It can be reset at the counter, or with your other PIN at a kiosk.</source>
            <translation>Đã bị khóa. Có thể đặt lại tại quầy, hoặc tại máy tự phục vụ bằng mã PIN còn lại.</translation>
        </message>
        <message>
            <source>My Number Card</source>
            <translation>Thẻ My Number</translation>
        </message>
        <message>
            <source>My Number Card (next generation)</source>
            <translation>Thẻ My Number (thế hệ mới)</translation>
        </message>
        <message>
            <source>Nothing to do now. Renewal opens on {date}.</source>
            <translation>Hiện tại không cần làm thủ tục. Việc gia hạn được tiếp nhận từ ngày {date}.</translation>
        </message>
        <message>
            <source>Only 1 try left of {max}</source>
            <translation>Chỉ còn 1 lần thử (trên tổng số {max} lần)</translation>
        </message>
        <message>
            <source>The certificate can be renewed now, at the counter (since {date}).</source>
            <translation>Giấy chứng nhận điện tử hiện có thể gia hạn tại quầy (tiếp nhận từ ngày {date}).</translation>
        </message>
        <message>
            <source>The certificate expired on {date}. A new one can be issued at the counter.</source>
            <translation>Giấy chứng nhận điện tử đã hết hạn vào ngày {date}. Có thể cấp mới tại quầy.</translation>
        </message>
        <message>
            <source>The certificate is valid from {date}.</source>
            <translation>Giấy chứng nhận điện tử có hiệu lực từ ngày {date}.</translation>
        </message>
        <message>
            <source>{date} (expired {days} days ago)</source>
            <translation>{date} (đã hết hạn {days} ngày trước)</translation>
        </message>
        <message>
            <source>{date} ({days} days left)</source>
            <translation>{date} (còn {days} ngày)</translation>
        </message>
        <message>
            <source>{left} of {max} tries left</source>
            <translation>Còn {left} lần thử (trên tổng số {max} lần)</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>A staff member must sign in first.</source>
            <translation>Nhân viên cần đăng nhập trước.</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Close it and try again.</source>
            <translation>Một chương trình khác đang sử dụng đầu đọc thẻ. Xin vui lòng đóng chương trình đó và thử lại.</translation>
        </message>
        <message>
            <source>Another program is using the card reader. Please call a staff member.</source>
            <translation>Một chương trình khác đang sử dụng đầu đọc thẻ. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>No calendar is set up for this site.</source>
            <translation>Chưa thiết lập lịch làm việc cho địa điểm này.</translation>
        </message>
        <message>
            <source>No card reader is connected. Check the reader's cable.</source>
            <translation>Chưa kết nối đầu đọc thẻ. Xin vui lòng kiểm tra cáp của đầu đọc.</translation>
        </message>
        <message>
            <source>No card reader is connected. Please call a staff member.</source>
            <translation>Chưa kết nối đầu đọc thẻ. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>Nothing on the card was changed.</source>
            <translation>Không có nội dung nào trên thẻ bị thay đổi.</translation>
        </message>
        <message>
            <source>On this card one PIN opens both keys, so it cannot prove itself. It can be reset at the counter, after an identity check.</source>
            <translation>Trên thẻ này, một mã PIN mở cả hai khóa nên không thể dùng để xác minh chính thẻ. Có thể đặt lại tại quầy sau khi xác minh danh tính.</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the reader.</source>
            <translation>Xin vui lòng đặt thẻ My Number lên đầu đọc thẻ.</translation>
        </message>
        <message>
            <source>Something went wrong. Please call a staff member.</source>
            <translation>Đã xảy ra sự cố. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The audit trail has been altered. Please call a technician.</source>
            <translation>Nhật ký kiểm tra đã bị thay đổi. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The card did not keep the new certificate. The card still works with its previous certificate or the new one. Please start the procedure again.</source>
            <translation>Thẻ không lưu được giấy chứng nhận điện tử mới. Thẻ vẫn sử dụng được với giấy chứng nhận cũ hoặc mới. Xin vui lòng bắt đầu lại thủ tục.</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>Thẻ phản hồi không như mong đợi. Xin hãy nhờ cư dân đặt lại thẻ; nếu vẫn xảy ra, thẻ có thể đã bị hỏng.</translation>
        </message>
        <message>
            <source>The card gave an unexpected answer. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>Thẻ phản hồi không như mong đợi. Xin vui lòng đặt lại thẻ; nếu vẫn xảy ra, xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The card needs the PIN before it can do this.</source>
            <translation>Cần nhập mã PIN trước khi thực hiện thao tác này.</translation>
        </message>
        <message>
            <source>The card reader could not pass a command to the card. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>Đầu đọc thẻ không gửi được lệnh đến thẻ. Xin vui lòng đặt lại thẻ; nếu vẫn xảy ra, xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The card reader service (pcscd) is not running. Restart the terminal; if it persists, call a technician.</source>
            <translation>Dịch vụ đầu đọc thẻ (pcscd) không hoạt động. Xin hãy khởi động lại thiết bị; nếu vẫn còn lỗi, xin gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The card reader service is not running. Please call a staff member.</source>
            <translation>Dịch vụ đầu đọc thẻ không hoạt động. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Check the reader's cable.</source>
            <translation>Đầu đọc thẻ đã bị ngắt kết nối. Xin vui lòng kiểm tra cáp của đầu đọc.</translation>
        </message>
        <message>
            <source>The card reader was disconnected. Please call a staff member.</source>
            <translation>Đầu đọc thẻ đã bị ngắt kết nối. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The card refused the authorisation. Please start again.</source>
            <translation>Thẻ đã từ chối cấp quyền. Xin vui lòng bắt đầu lại từ đầu.</translation>
        </message>
        <message>
            <source>The card was removed before the operation finished. Please place the card on the reader again.</source>
            <translation>Thẻ đã bị lấy ra trước khi thao tác hoàn tất. Xin vui lòng đặt lại thẻ lên đầu đọc.</translation>
        </message>
        <message>
            <source>The card's data could not be read correctly. Please place the card again; if this happens again, please call a staff member.</source>
            <translation>Không đọc được chính xác dữ liệu của thẻ. Xin vui lòng đặt lại thẻ; nếu vẫn xảy ra, xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>The card's data could not be read. Ask the resident to place the card again; if it happens again, the card may be damaged.</source>
            <translation>Không đọc được dữ liệu của thẻ. Xin hãy nhờ cư dân đặt lại thẻ; nếu vẫn xảy ra, thẻ có thể đã bị hỏng.</translation>
        </message>
        <message>
            <source>The central service cannot be reached. The terminal will try again automatically.</source>
            <translation>Không thể kết nối với hệ thống trung tâm. Thiết bị sẽ tự động thử lại.</translation>
        </message>
        <message>
            <source>The central service does not accept this terminal. Please call a technician.</source>
            <translation>Hệ thống trung tâm không chấp nhận thiết bị này. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The central service is busy. The terminal will try again automatically.</source>
            <translation>Hệ thống trung tâm đang bận. Thiết bị sẽ tự động thử lại.</translation>
        </message>
        <message>
            <source>The central service refused the request.</source>
            <translation>Hệ thống trung tâm đã từ chối yêu cầu.</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet on this date: its renewal period has not started.</source>
            <translation>Chưa thể gia hạn giấy chứng nhận điện tử vào ngày này: thời hạn tiếp nhận gia hạn chưa bắt đầu.</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed yet. Renewal opens on {date}.</source>
            <translation>Giấy chứng nhận điện tử chưa thể gia hạn. Việc gia hạn được tiếp nhận từ ngày {date}.</translation>
        </message>
        <message>
            <source>The certificate will have expired by this date: it cannot be renewed then, a new one must be issued.</source>
            <translation>Đến ngày này giấy chứng nhận điện tử đã hết hạn: khi đó không thể gia hạn mà phải cấp mới.</translation>
        </message>
        <message>
            <source>The identity check is not complete: one document with a photo, or two without, is needed.</source>
            <translation>Việc xác minh danh tính chưa hoàn tất: cần 1 giấy tờ có ảnh, hoặc 2 giấy tờ không có ảnh.</translation>
        </message>
        <message>
            <source>The nearest date that can be booked is {date}.</source>
            <translation>Ngày gần nhất có thể đặt hẹn là {date}.</translation>
        </message>
        <message>
            <source>The office is closed on this date.</source>
            <translation>Văn phòng không làm việc vào ngày này.</translation>
        </message>
        <message>
            <source>The operation was cancelled.</source>
            <translation>Thao tác đã bị hủy.</translation>
        </message>
        <message>
            <source>The other PIN is locked too, so you cannot prove who you are here. Both can be reset at the counter, after an identity check.</source>
            <translation>Mã PIN còn lại cũng đã bị khóa nên không thể xác minh danh tính tại đây. Có thể đặt lại cả hai tại quầy sau khi xác minh danh tính.</translation>
        </message>
        <message>
            <source>The procedure stopped part way. What was already done on the card is kept, and the card works. Please place the card on the reader and start the procedure again to finish it.</source>
            <translation>Thủ tục đã dừng giữa chừng. Những gì đã thực hiện trên thẻ vẫn được giữ nguyên và thẻ vẫn sử dụng được. Xin vui lòng đặt thẻ lên đầu đọc và bắt đầu lại thủ tục để hoàn tất.</translation>
        </message>
        <message>
            <source>The site calendar has no open day. Please call a technician.</source>
            <translation>Lịch làm việc không có ngày làm việc nào. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The terminal could not save its records.</source>
            <translation>Thiết bị không lưu được hồ sơ.</translation>
        </message>
        <message>
            <source>The terminal is not set up correctly. Please call a technician.</source>
            <translation>Thiết bị chưa được cài đặt đúng. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The terminal's disk is full. Records are safe; please call a technician.</source>
            <translation>Ổ đĩa của thiết bị đã đầy. Hồ sơ vẫn an toàn; xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The terminal's records are busy. Please try again in a moment.</source>
            <translation>Hồ sơ của thiết bị đang được sử dụng. Xin vui lòng thử lại sau giây lát.</translation>
        </message>
        <message>
            <source>The terminal's records are damaged. Please call a technician.</source>
            <translation>Hồ sơ của thiết bị bị hỏng. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The terminal's records were written by a newer version of this software. Please call a technician.</source>
            <translation>Hồ sơ của thiết bị được ghi bởi phiên bản mới hơn của phần mềm này. Xin vui lòng gọi nhân viên kỹ thuật.</translation>
        </message>
        <message>
            <source>The {pin} is locked after too many wrong entries. It can be reset at the counter.</source>
            <translation>Do nhập sai quá nhiều lần, {pin} đã bị khóa. Có thể đặt lại tại quầy.</translation>
        </message>
        <message>
            <source>The {pin} is locked. Reset it with an identity check.</source>
            <translation>Hiện {pin} đã bị khóa. Xin vui lòng đặt lại sau khi xác minh danh tính.</translation>
        </message>
        <message>
            <source>The {pin} is wrong. Only one try is left: after one more wrong entry it will be locked.</source>
            <translation>Bạn đã nhập sai {pin}. Chỉ còn 1 lần thử: nếu nhập sai thêm 1 lần nữa, mã sẽ bị khóa.</translation>
        </message>
        <message>
            <source>The {pin} is wrong. {tries} tries are left.</source>
            <translation>Bạn đã nhập sai {pin}. Còn {tries} lần thử.</translation>
        </message>
        <message>
            <source>There is a problem with the card or the reader.</source>
            <translation>Thẻ hoặc đầu đọc thẻ có vấn đề.</translation>
        </message>
        <message>
            <source>There is a problem with the central service.</source>
            <translation>Hệ thống trung tâm có vấn đề.</translation>
        </message>
        <message>
            <source>This PIN can only be reset at the counter, after an identity check.</source>
            <translation>Mã PIN này chỉ có thể được đặt lại tại quầy sau khi xác minh danh tính.</translation>
        </message>
        <message>
            <source>This can only be done at the counter, with staff.</source>
            <translation>Thủ tục này chỉ có thể thực hiện tại quầy cùng với nhân viên.</translation>
        </message>
        <message>
            <source>This card does not hold what this procedure needs. Please call a staff member.</source>
            <translation>Thẻ này không có thông tin cần thiết cho thủ tục này. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal. Please call a staff member.</source>
            <translation>Thẻ này không hỗ trợ thao tác cấp phát tại thiết bị này. Xin vui lòng gọi nhân viên.</translation>
        </message>
        <message>
            <source>This card does not support issuer operations at this terminal: use the national issuer's procedure.</source>
            <translation>Thẻ này không hỗ trợ thao tác của cơ quan cấp phát tại thiết bị này: xin hãy dùng thủ tục của cơ quan cấp phát toàn quốc.</translation>
        </message>
        <message>
            <source>This card has no card-info function, so its details cannot be read here. Please fill in the form by hand.</source>
            <translation>Thẻ này không có chức năng hỗ trợ nhập thông tin trên thẻ nên không thể đọc thông tin tại đây. Xin vui lòng tự điền vào đơn.</translation>
        </message>
        <message>
            <source>This card has no {pin}.</source>
            <translation>Thẻ này không có {pin}.</translation>
        </message>
        <message>
            <source>This card is not a My Number Card. Please check the card and try again.</source>
            <translation>Thẻ này không phải là thẻ My Number. Xin vui lòng kiểm tra thẻ và thử lại.</translation>
        </message>
        <message>
            <source>This date cannot be booked.</source>
            <translation>Không thể đặt hẹn vào ngày này.</translation>
        </message>
        <message>
            <source>This date has already passed.</source>
            <translation>Ngày này đã qua.</translation>
        </message>
        <message>
            <source>This is a Basic Resident Register card. It cannot be used here. Please apply for a My Number Card at the counter.</source>
            <translation>Đây là thẻ Đăng ký Cư dân Cơ bản, không thể sử dụng tại đây. Xin vui lòng đăng ký thẻ My Number tại quầy.</translation>
        </message>
        <message>
            <source>This is not a date. Please type it like 2026-12-04.</source>
            <translation>Đây không phải là ngày hợp lệ. Xin vui lòng nhập theo dạng 2026-12-04.</translation>
        </message>
        <message>
            <source>This terminal is in kiosk mode: staff procedures are not available here.</source>
            <translation>Thiết bị này đang ở chế độ tự phục vụ: không thể thực hiện các thủ tục dành cho nhân viên tại đây.</translation>
        </message>
        <message>
            <source>This {pin} cannot be used. {detail}</source>
            <translation>Không thể sử dụng {pin} này. {detail}</translation>
        </message>
        <message>
            <source>{reason} {suggestion}</source>
            <translation>{reason} {suggestion}</translation>
        </message>
        <message>
            <source>The document could not be printed or saved. Nothing else is affected; please call a technician.</source>
            <translation>Không thể in hoặc lưu tài liệu. Những thứ khác không bị ảnh hưởng; vui lòng gọi kỹ thuật viên.</translation>
        </message>
        <message>
            <source>The terminal's records are missing or older than the records it made. Nothing will be recorded until a technician checks it.</source>
            <translation>Dữ liệu của máy bị thiếu hoặc cũ hơn các bản ghi máy đã tạo. Sẽ không ghi gì cho đến khi kỹ thuật viên kiểm tra.</translation>
        </message>
        <message>
            <source>The report could not be saved there. Please choose another folder or a USB drive.</source>
            <translation>Không thể lưu báo cáo vào đó. Vui lòng chọn thư mục khác hoặc ổ USB.</translation>
        </message>
        <message>
            <source>These dates make no report period: the first day must not be after the last, and a report covers at most a year.</source>
            <translation>Các ngày này không tạo thành kỳ báo cáo: ngày đầu không được sau ngày cuối, và một báo cáo tối đa là một năm.</translation>
        </message>
        <message>
            <source>This terminal is not enrolled with the central service. A technician runs: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</source>
            <translation>Máy này chưa được đăng ký với hệ thống trung tâm. Kỹ thuật viên chạy: kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256</translation>
        </message>
    </context>
    <context>
        <name>kiosk</name>
        <message>
            <source>Check when your certificate expires, or reset a forgotten PIN with your other PIN.</source>
            <translation>Quý khách có thể kiểm tra thời hạn của giấy chứng nhận điện tử, hoặc đặt lại mã PIN đã quên bằng mã PIN còn lại.</translation>
        </message>
        <message>
            <source>It opens again on {when}.</source>
            <translation type="vanished">Sẽ mở cửa trở lại vào {when}.</translation>
        </message>
        <message>
            <source>My Number Card certificates and PINs</source>
            <translation>Giấy chứng nhận điện tử và mã PIN của thẻ My Number</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>This kiosk is closed now.</source>
            <translation>Máy này hiện đang ngoài giờ tiếp nhận.</translation>
        </message>
    </context>
    <context>
        <name>pins</name>
        <message>
            <source>4-digit PIN</source>
            <translation>mã PIN (4 chữ số)</translation>
        </message>
        <message>
            <source>Choose your new {pin}.</source>
            <translation>Xin vui lòng chọn và nhập {pin} mới.</translation>
        </message>
        <message>
            <source>Enter the new {pin} once more.</source>
            <translation>Để xác nhận, xin vui lòng nhập lại {pin} mới một lần nữa.</translation>
        </message>
        <message>
            <source>Enter your current {pin}, or skip if you have forgotten it.</source>
            <translation>Xin vui lòng nhập {pin} đang sử dụng, hoặc bỏ qua nếu quý khách đã quên.</translation>
        </message>
        <message>
            <source>Enter your current {pin}.</source>
            <translation>Xin vui lòng nhập {pin} đang sử dụng.</translation>
        </message>
        <message>
            <source>It must have at least {minimum} characters.</source>
            <translation>Xin vui lòng nhập ít nhất {minimum} ký tự.</translation>
        </message>
        <message>
            <source>It must have at most {maximum} characters.</source>
            <translation>Xin vui lòng nhập tối đa {maximum} ký tự.</translation>
        </message>
        <message>
            <source>Nothing was entered.</source>
            <translation>Chưa nhập nội dung nào.</translation>
        </message>
        <message>
            <source>The two entries do not match. Please enter it again.</source>
            <translation>Hai lần nhập không khớp nhau. Xin vui lòng nhập lại.</translation>
        </message>
        <message>
            <source>To prove it is your card, enter your {pin}.</source>
            <translation>Để xác nhận đây là thẻ của quý khách, xin vui lòng nhập {pin}.</translation>
        </message>
        <message>
            <source>Use digits only.</source>
            <translation>Xin vui lòng chỉ nhập chữ số.</translation>
        </message>
        <message>
            <source>Use only the letters A to Z and the digits 0 to 9.</source>
            <translation>Xin vui lòng chỉ dùng chữ cái A đến Z và chữ số 0 đến 9.</translation>
        </message>
        <message>
            <source>card-info PIN (4 digits)</source>
            <translation>mã PIN hỗ trợ nhập thông tin trên thẻ (4 chữ số)</translation>
        </message>
        <message>
            <source>password (6 or more characters)</source>
            <translation>mật khẩu (từ 6 ký tự trở lên)</translation>
        </message>
        <message>
            <source>resident-register PIN (4 digits)</source>
            <translation>mã PIN Đăng ký Cư dân Cơ bản (4 chữ số)</translation>
        </message>
        <message>
            <source>signing password (6 to 16 characters)</source>
            <translation>mật khẩu của giấy chứng nhận điện tử dùng để ký (6 đến 16 ký tự)</translation>
        </message>
        <message>
            <source>user-authentication PIN (4 digits)</source>
            <translation>mã PIN của giấy chứng nhận điện tử xác thực người dùng (4 chữ số)</translation>
        </message>
    </context>
    <context>
        <name>screens</name>
        <message>
            <source>A staff member has been called.</source>
            <translation>Đã gọi nhân viên.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>Gọi nhân viên</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Card expiry date printed on the card</source>
            <translation>Ngày hết hạn in trên thẻ</translation>
        </message>
        <message>
            <source>Change a PIN</source>
            <translation>Thay đổi mã PIN</translation>
        </message>
        <message>
            <source>Confirm the resident's identity</source>
            <translation>Xác minh danh tính cư dân</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Đã xác nhận</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>Fill in a form</source>
            <translation>Điền đơn</translation>
        </message>
        <message>
            <source>If the next {pin} you enter is wrong, it will be locked and can only be reset at the counter. Do you want to try?</source>
            <translation>Nếu lần tới quý khách nhập sai {pin}, mã sẽ bị khóa và chỉ có thể đặt lại tại quầy. Quý khách có muốn nhập không?</translation>
        </message>
        <message>
            <source>Insert the training card</source>
            <translation>Đưa thẻ đào tạo vào</translation>
        </message>
        <message>
            <source>Leave it there until the screen tells you to take it.</source>
            <translation>Xin vui lòng để nguyên thẻ cho đến khi màn hình báo lấy thẻ ra.</translation>
        </message>
        <message>
            <source>New certificate ({purpose})</source>
            <translation>Giấy chứng nhận điện tử mới ({purpose})</translation>
        </message>
        <message>
            <source>No, stop here</source>
            <translation>Không, dừng tại đây</translation>
        </message>
        <message>
            <source>Only one try is left</source>
            <translation>Chỉ còn 1 lần thử</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Cụm mật khẩu</translation>
        </message>
        <message>
            <source>Please place your My Number Card on the card reader.</source>
            <translation>Xin vui lòng đặt thẻ My Number lên đầu đọc thẻ.</translation>
        </message>
        <message>
            <source>Please wait here. Someone will come to help you.</source>
            <translation>Xin vui lòng chờ tại đây. Nhân viên sẽ đến hỗ trợ quý khách.</translation>
        </message>
        <message>
            <source>Please wait. Do not remove the card.</source>
            <translation>Xin vui lòng chờ. Không lấy thẻ ra.</translation>
        </message>
        <message>
            <source>Print the pre-filled form</source>
            <translation>In đơn đã điền sẵn</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>In phiếu xác nhận</translation>
        </message>
        <message>
            <source>Renew the certificates</source>
            <translation>Gia hạn giấy chứng nhận điện tử</translation>
        </message>
        <message>
            <source>Reset a forgotten PIN</source>
            <translation>Đặt lại mã PIN đã quên</translation>
        </message>
        <message>
            <source>Shown for filling in the form only; the terminal keeps none of it.</source>
            <translation>Chỉ hiển thị để điền đơn; thiết bị không lưu lại bất kỳ thông tin nào.</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Đã xảy ra sự cố</translation>
        </message>
        <message>
            <source>Staff ID</source>
            <translation>Mã nhân viên</translation>
        </message>
        <message>
            <source>Staff sign-in</source>
            <translation>Nhân viên đăng nhập</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Đã dừng</translation>
        </message>
        <message>
            <source>The 4-digit PIN for logging in (user authentication)</source>
            <translation>Mã PIN 4 chữ số để đăng nhập (xác thực người dùng)</translation>
        </message>
        <message>
            <source>The 4-digit PIN for the card's information</source>
            <translation>Mã PIN 4 chữ số dùng cho thông tin trên thẻ</translation>
        </message>
        <message>
            <source>The card's information for the application</source>
            <translation>Thông tin trên thẻ để điền đơn</translation>
        </message>
        <message>
            <source>The certificates were renewed</source>
            <translation>Đã gia hạn giấy chứng nhận điện tử</translation>
        </message>
        <message>
            <source>The new PINs are set. Please keep them safe.</source>
            <translation>Đã thiết lập mã PIN mới. Xin vui lòng giữ cẩn thận.</translation>
        </message>
        <message>
            <source>The signing password (6 to 16 letters and digits)</source>
            <translation>Mật khẩu dùng để ký (6 đến 16 chữ cái và chữ số)</translation>
        </message>
        <message>
            <source>The staff ID or the passphrase is wrong.</source>
            <translation>Mã nhân viên hoặc cụm mật khẩu không đúng.</translation>
        </message>
        <message>
            <source>The {pin} was changed</source>
            <translation>Đã thay đổi {pin}</translation>
        </message>
        <message>
            <source>The {pin} was reset</source>
            <translation>Đã đặt lại {pin}</translation>
        </message>
        <message>
            <source>This could not be done</source>
            <translation>Không thể hoàn tất thủ tục</translation>
        </message>
        <message>
            <source>Tick what you have seen: one document with a photo, or two without.</source>
            <translation>Xin đánh dấu các giấy tờ đã kiểm tra: 1 giấy tờ có ảnh, hoặc 2 giấy tờ không có ảnh.</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Thử lại</translation>
        </message>
        <message>
            <source>Which PIN do you want to change?</source>
            <translation>Quý khách muốn thay đổi mã PIN nào?</translation>
        </message>
        <message>
            <source>Which PIN have you forgotten?</source>
            <translation>Quý khách đã quên mã PIN nào?</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Đang xử lý</translation>
        </message>
        <message>
            <source>Yes, enter it</source>
            <translation>Có, tôi sẽ nhập</translation>
        </message>
        <message>
            <source>You can use the new PIN now. Please take your card.</source>
            <translation>Quý khách có thể dùng mã PIN mới ngay bây giờ. Xin vui lòng lấy lại thẻ.</translation>
        </message>
        <message>
            <source>Your card</source>
            <translation>Thẻ của quý khách</translation>
        </message>
        <message>
            <source>authentication</source>
            <translation>xác thực người dùng</translation>
        </message>
        <message>
            <source>signing</source>
            <translation>dùng để ký</translation>
        </message>
        <message>
            <source>valid until {date}</source>
            <translation>có hiệu lực đến ngày {date}</translation>
        </message>
        <message>
            <source>Records the central service refused</source>
            <translation>Các bản ghi bị hệ thống trung tâm từ chối</translation>
        </message>
        <message>
            <source>The receipt could not be printed</source>
            <translation>Không thể in biên nhận</translation>
        </message>
        <message>
            <source>The resident is entering a PIN on their screen.</source>
            <translation>Cư dân đang nhập mã PIN trên màn hình của họ.</translation>
        </message>
        <message>
            <source>Training: staff ID {staff}, passphrase "{passphrase}".</source>
            <translation>Đào tạo: mã nhân viên {staff}, cụm mật khẩu "{passphrase}".</translation>
        </message>
        <message>
            <source>{count} records were refused. A technician can correct and send them again with `kiosk outbox rejected` and `kiosk outbox retry`.</source>
            <translation>{count} bản ghi đã bị từ chối. Kỹ thuật viên có thể sửa và gửi lại bằng `kiosk outbox rejected` và `kiosk outbox retry`.</translation>
        </message>
        <message>
            <source>Appointment date</source>
            <translation>Ngày hẹn</translation>
        </message>
        <message>
            <source>Check the date</source>
            <translation>Kiểm tra ngày</translation>
        </message>
        <message>
            <source>{date} can be booked.</source>
            <translation>Có thể đặt lịch vào {date}.</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Kiểm tra lại</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <source>Technician: checks of this terminal</source>
            <translation>Kỹ thuật viên: kiểm tra máy này</translation>
        </message>
        <message>
            <source>fault</source>
            <translation>lỗi</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ổn</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>cảnh báo</translation>
        </message>
        <message>
            <source>A staff member is on the way.</source>
            <translation>Nhân viên đang đến.</translation>
        </message>
        <message>
            <source>Calling a staff member…</source>
            <translation>Đang gọi nhân viên…</translation>
        </message>
        <message>
            <source>No central service is configured.</source>
            <translation>Chưa cấu hình dịch vụ trung tâm.</translation>
        </message>
        <message>
            <source>Please go to the counter, or ask anyone working here for help.</source>
            <translation>Vui lòng đến quầy, hoặc nhờ nhân viên ở đây giúp đỡ.</translation>
        </message>
        <message>
            <source>Please wait here.</source>
            <translation>Vui lòng đợi tại đây.</translation>
        </message>
        <message>
            <source>The staff could not be called from here.</source>
            <translation>Không thể gọi nhân viên từ đây.</translation>
        </message>
        <message>
            <source>Scroll the text</source>
            <translation>Cuộn văn bản</translation>
        </message>
    </context>
    <context>
        <name>steps</name>
        <message>
            <source>Asking the central service for authorisation…</source>
            <translation>Đang xin cấp quyền từ hệ thống trung tâm…</translation>
        </message>
        <message>
            <source>Changing the PIN…</source>
            <translation>Đang thay đổi mã PIN…</translation>
        </message>
        <message>
            <source>Checking identity…</source>
            <translation>Đang xác minh danh tính…</translation>
        </message>
        <message>
            <source>Checking the card…</source>
            <translation>Đang kiểm tra thẻ…</translation>
        </message>
        <message>
            <source>Confirming it is your card…</source>
            <translation>Đang xác nhận đây là thẻ của quý khách…</translation>
        </message>
        <message>
            <source>Entering PINs…</source>
            <translation>Đang nhập mã PIN…</translation>
        </message>
        <message>
            <source>Reading the card's information…</source>
            <translation>Đang đọc thông tin của thẻ…</translation>
        </message>
        <message>
            <source>Reading the card…</source>
            <translation>Đang đọc thẻ…</translation>
        </message>
        <message>
            <source>Saving the record…</source>
            <translation>Đang lưu hồ sơ…</translation>
        </message>
        <message>
            <source>Setting the new PIN…</source>
            <translation>Đang thiết lập mã PIN mới…</translation>
        </message>
        <message>
            <source>The card is making a new key…</source>
            <translation>Thẻ đang tạo khóa mới…</translation>
        </message>
        <message>
            <source>The new certificate is being issued…</source>
            <translation>Đang cấp giấy chứng nhận điện tử mới…</translation>
        </message>
        <message>
            <source>Writing the new certificate to the card…</source>
            <translation>Đang ghi giấy chứng nhận điện tử mới vào thẻ…</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Call staff</source>
            <translation>Gọi nhân viên</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Khóa</translation>
        </message>
        <message>
            <source>Signed in: {staff}</source>
            <translation>Đã đăng nhập: {staff}</translation>
        </message>
        <message>
            <source>TRAINING: a virtual card and a local central service. Nothing here is real.</source>
            <translation>CHẾ ĐỘ ĐÀO TẠO: dùng thẻ ảo và hệ thống trung tâm cục bộ. Không có thao tác nào ở đây là thật.</translation>
        </message>
        <message>
            <source>e-certificate terminal</source>
            <translation>Thiết bị giấy chứng nhận điện tử</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>Tương phản cao</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>Chữ lớn hơn</translation>
        </message>
        <message>
            <source>Please follow the staff member's instructions. When asked, enter your PIN on this screen.</source>
            <translation>Vui lòng làm theo hướng dẫn của nhân viên. Khi được yêu cầu, hãy nhập mã PIN trên màn hình này.</translation>
        </message>
        <message>
            <source>Today's counts</source>
            <translation>Số lượng hôm nay</translation>
        </message>
    </context>
    <context>
        <name>calendar</name>
        <message>
            <source>Closed now. Next open: {date}, from {time}.</source>
            <translation>Hiện không tiếp nhận. Lần mở tiếp theo: {date}, từ {time}.</translation>
        </message>
        <message>
            <source>Closed now. Opens today at {time}.</source>
            <translation>Hiện không tiếp nhận. Hôm nay mở từ {time}.</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Th 6</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Th 2</translation>
        </message>
        <message>
            <source>No appointment is needed.</source>
            <translation>Không cần đặt lịch hẹn.</translation>
        </message>
        <message>
            <source>Open now, until {time}.</source>
            <translation>Đang tiếp nhận, đến {time}.</translation>
        </message>
        <message>
            <source>Please book an appointment, or come without one from {date}.</source>
            <translation>Vui lòng đặt lịch hẹn, hoặc đến không cần hẹn từ {date}.</translation>
        </message>
        <message>
            <source>Please book an appointment.</source>
            <translation>Vui lòng đặt lịch hẹn.</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Th 7</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>CN</translation>
        </message>
        <message>
            <source>The certificate cannot be renewed any more: a new one is issued at the counter, from {date}.</source>
            <translation>Chứng thư không thể gia hạn nữa: chứng thư mới được cấp tại quầy, từ {date}.</translation>
        </message>
        <message>
            <source>The last day the counter is open before it expires is {date}.</source>
            <translation>Ngày cuối cùng quầy làm việc trước khi hết hạn là {date}.</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Th 5</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Th 3</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Th 4</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from today.</source>
            <translation>Bạn có thể gia hạn chứng thư tại quầy từ hôm nay.</translation>
        </message>
        <message>
            <source>You can renew the certificate at the counter from {date}.</source>
            <translation>Bạn có thể gia hạn chứng thư tại quầy từ {date}.</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>nghỉ</translation>
        </message>
        <message>
            <source>closed (monthly closing day)</source>
            <translation>nghỉ (ngày nghỉ hằng tháng)</translation>
        </message>
        <message>
            <source>closed (national holiday: {holiday})</source>
            <translation>nghỉ (ngày lễ: {holiday})</translation>
        </message>
        <message>
            <source>closed (special closing day)</source>
            <translation>nghỉ (ngày nghỉ đặc biệt)</translation>
        </message>
        <message>
            <source>closed (yearly closure, such as the year end)</source>
            <translation>nghỉ (nghỉ hằng năm, như dịp cuối năm)</translation>
        </message>
        <message>
            <source>{hours} (national holiday: {holiday})</source>
            <translation>{hours} (ngày lễ: {holiday})</translation>
        </message>
        <message>
            <source>{weekday} {day} {month_name} {year}</source>
            <translation>{weekday}, {day}/{month}/{year}</translation>
        </message>
    </context>
</TS>
