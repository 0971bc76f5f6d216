<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CourierPanel</name>
    <message>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Package no.</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Số danh sách</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Package id</source>
        <translation>Mã gói</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <source>Short form</source>
        <translation>Dạng ngắn</translation>
    </message>
    <message>
        <source>Checked against</source>
        <translation>Kiểm tra với</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Thời điểm kiểm tra</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Người nhận chuyển</translation>
    </message>
    <message>
        <source>RECEIPT OF A DATA PACKAGE</source>
        <translation>GIẤY BIÊN NHẬN GÓI DỮ LIỆU</translation>
    </message>
    <message>
        <source>The signature and the fingerprint of the package below were checked: the file is the commune&apos;s and unaltered.</source>
        <translation>Chữ ký và dấu vân tay của gói dưới đây đã được kiểm tra: tệp đúng là của xã và không bị thay đổi.</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <source>(signature, full name)</source>
        <translation>(ký, ghi rõ họ tên)</translation>
    </message>
    <message>
        <source>Receipt of a data package</source>
        <translation>Giấy biên nhận gói dữ liệu</translation>
    </message>
    <message>
        <source>For the post office&apos;s courier: check that a package is the commune&apos;s and unaltered before carrying it. No passphrase is needed and the people&apos;s data stays unreadable (it is encrypted for the office).</source>
        <translation>Dành cho nhân viên bưu điện: kiểm tra gói đúng là của xã và không bị thay đổi trước khi nhận chuyển. Không cần mật khẩu, và dữ liệu của người dân vẫn không đọc được (đã mã hóa cho cơ quan BHXH).</translation>
    </message>
    <message>
        <source>Check a package</source>
        <translation>Kiểm tra gói</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Package file:</source>
        <translation>Tệp gói:</translation>
    </message>
    <message>
        <source>Check against:</source>
        <translation>Kiểm tra với:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>the keys registered in this register</source>
        <translation>khóa đã đăng ký trong sổ này</translation>
    </message>
    <message>
        <source>the commune&apos;s public-key folder:</source>
        <translation>thư mục khóa công khai của xã:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Collected by:</source>
        <translation>Người nhận chuyển:</translation>
    </message>
    <message>
        <source>the courier&apos;s full name</source>
        <translation>họ tên nhân viên bưu điện</translation>
    </message>
    <message>
        <source>Record the collection</source>
        <translation>Ghi nhận người nhận chuyển</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Giấy biên nhận…</translation>
    </message>
    <message>
        <source>The package to check</source>
        <translation>Gói cần kiểm tra</translation>
    </message>
    <message>
        <source>The commune&apos;s public-key folder</source>
        <translation>Thư mục khóa công khai của xã</translation>
    </message>
    <message>
        <source>Choose the package file first.</source>
        <translation>Hãy chọn tệp gói trước.</translation>
    </message>
    <message>
        <source>Choose the commune&apos;s public-key folder, or check against the register&apos;s keys.</source>
        <translation>Hãy chọn thư mục khóa công khai của xã, hoặc kiểm tra với khóa đã đăng ký trong sổ.</translation>
    </message>
    <message>
        <source>the public-key folder %1</source>
        <translation>thư mục khóa công khai %1</translation>
    </message>
    <message>
        <source>the keys registered in %1</source>
        <translation>khóa đã đăng ký trong sổ %1</translation>
    </message>
    <message>
        <source>✔ VERIFIED: the package is the commune&apos;s and unaltered.</source>
        <translation>✔ GÓI HỢP LỆ: đúng là gói của xã và không bị thay đổi.</translation>
    </message>
    <message>
        <source>✘ REFUSED: do not carry this file.</source>
        <translation>✘ BỊ TỪ CHỐI: không nhận chuyển tệp này.</translation>
    </message>
    <message>
        <source>%1 (code %2) · period %3 · package no. %4
%5 persons, %6 households, %7 lists
File: %8
Package id: %9</source>
        <translation>%1 (mã %2) · kỳ %3 · gói số %4
%5 người, %6 hộ, %7 danh sách
Tệp: %8
Mã gói: %9</translation>
    </message>
    <message>
        <source>Fingerprint: %1
Short form (compare with the minutes): %2</source>
        <translation>Dấu vân tay: %1
Dạng ngắn (đối chiếu với biên bản): %2</translation>
    </message>
    <message>
        <source>Collection recorded: %1</source>
        <translation>Đã ghi nhận người nhận chuyển: %1</translation>
    </message>
    <message>
        <source>This register holds no keys: the collection can be recorded in the commune&apos;s or the office&apos;s register.</source>
        <translation>Sổ này chưa có khóa: việc nhận chuyển được ghi nhận trong sổ của xã hoặc của cơ quan BHXH.</translation>
    </message>
    <message>
        <source>Type the courier&apos;s full name first.</source>
        <translation>Hãy nhập họ tên nhân viên bưu điện trước.</translation>
    </message>
    <message>
        <source>Recorded: %1 collected the package.</source>
        <translation>Đã ghi nhận: %1 nhận chuyển gói.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Lưu giấy biên nhận</translation>
    </message>
    <message>
        <source>Receipt written: %1</source>
        <translation>Đã ghi giấy biên nhận: %1</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <source>office</source>
        <translation>cơ quan BHXH</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>đã thay</translation>
    </message>
    <message>
        <source>key folder</source>
        <translation>thư mục khóa</translation>
    </message>
    <message>
        <source>paper fingerprint</source>
        <translation>dấu vân tay trên giấy</translation>
    </message>
    <message>
        <source>rotation notice</source>
        <translation>thông báo đổi khóa</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Fingerprint (short)</source>
        <translation>Dấu vân tay (ngắn)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>This register&apos;s key</source>
        <translation>Khóa của sổ này</translation>
    </message>
    <message>
        <source>Trusted units</source>
        <translation>Các đơn vị tin cậy</translation>
    </message>
    <message>
        <source>Create keys…</source>
        <translation>Tạo khóa…</translation>
    </message>
    <message>
        <source>Export the public keys…</source>
        <translation>Xuất khóa công khai…</translation>
    </message>
    <message>
        <source>Trust another unit&apos;s keys…</source>
        <translation>Tin cậy khóa của đơn vị khác…</translation>
    </message>
    <message>
        <source>Replace the keys…</source>
        <translation>Đổi khóa…</translation>
    </message>
    <message>
        <source>The communes whose packages this office receives: their signing keys, to check each package.</source>
        <translation>Các xã gửi gói đến cơ quan này: khóa ký của từng xã, để kiểm tra mỗi gói.</translation>
    </message>
    <message>
        <source>The social insurance office this commune sends to: its keys, to encrypt the packages for it and to check its acknowledgements.</source>
        <translation>Cơ quan BHXH mà xã gửi gói đến: khóa của cơ quan, để mã hóa gói cho cơ quan và kiểm tra giấy xác nhận của cơ quan.</translation>
    </message>
    <message>
        <source>This register has no keys yet. Create them to send or receive packages: they are locked with a passphrase that only you know (write it down and keep it safe — without it the keys cannot be used).</source>
        <translation>Sổ này chưa có khóa. Hãy tạo khóa để gửi hoặc nhận gói: khóa được khóa bằng mật khẩu chỉ mình bạn biết (hãy ghi lại và cất giữ cẩn thận — mất mật khẩu thì không dùng được khóa).</translation>
    </message>
    <message>
        <source>%1 (%2, code %3) — key %4.</source>
        <translation>%1 (%2, mã %3) — khóa %4.</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Dấu vân tay: %1</translation>
    </message>
    <message>
        <source>To write on paper and read aloud (short form):</source>
        <translation>Để ghi lên giấy và đọc qua điện thoại (dạng ngắn):</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Đã xong: %1</translation>
    </message>
    <message>
        <source>Create keys</source>
        <translation>Tạo khóa</translation>
    </message>
    <message>
        <source>Choose the passphrase that locks this unit&apos;s keys. It is asked each time a package is signed or opened; it is never stored. Write it down and keep it safe.</source>
        <translation>Chọn mật khẩu để khóa các khóa của đơn vị. Mật khẩu được hỏi mỗi khi ký hoặc mở gói và không bao giờ được lưu. Hãy ghi lại và cất giữ cẩn thận.</translation>
    </message>
    <message>
        <source>Keys created. Fingerprint (short form, for paper): %1</source>
        <translation>Đã tạo khóa. Dấu vân tay (dạng ngắn, để ghi lên giấy): %1</translation>
    </message>
    <message>
        <source>Folder for the public keys</source>
        <translation>Thư mục ghi khóa công khai</translation>
    </message>
    <message>
        <source>Public keys written to %1: %2</source>
        <translation>Đã ghi khóa công khai vào %1: %2</translation>
    </message>
    <message>
        <source>The other unit&apos;s public-key folder</source>
        <translation>Thư mục khóa công khai của đơn vị kia</translation>
    </message>
    <message>
        <source>%1 (%2, code %3)

Fingerprint:
%4

Short form: %5

Compare it with the fingerprint on the paper this unit gave you (or read it aloud with them on the telephone). Register these keys only if they are the same.</source>
        <translation>%1 (%2, mã %3)

Dấu vân tay:
%4

Dạng ngắn: %5

Hãy đối chiếu với dấu vân tay trên giấy đơn vị này đưa cho bạn (hoặc đọc cho nhau qua điện thoại). Chỉ đăng ký khi hai bên giống nhau.</translation>
    </message>
    <message>
        <source>Trust these keys?</source>
        <translation>Tin cậy khóa này?</translation>
    </message>
    <message>
        <source>Replace a unit&apos;s key</source>
        <translation>Thay khóa của một đơn vị</translation>
    </message>
    <message>
        <source>Type the new key&apos;s fingerprint as the paper shows it (at least its first 5 groups):</source>
        <translation>Nhập dấu vân tay của khóa mới theo giấy (ít nhất 5 nhóm đầu):</translation>
    </message>
    <message>
        <source>Replace the keys</source>
        <translation>Đổi khóa</translation>
    </message>
    <message>
        <source>The current passphrase: it opens the old key (which signs the rotation notice) and locks the new one.</source>
        <translation>Mật khẩu hiện tại: dùng để mở khóa cũ (ký thông báo đổi khóa) và khóa khóa mới.</translation>
    </message>
    <message>
        <source>Folder for the new public keys and the rotation notice</source>
        <translation>Thư mục ghi khóa công khai mới và thông báo đổi khóa</translation>
    </message>
    <message>
        <source>Key %1 replaced by key %2. Give the other side the folder %3 (new public keys and the rotation notice). New fingerprint: %4</source>
        <translation>Đã thay khóa %1 bằng khóa %2. Hãy chuyển cho bên kia thư mục %3 (khóa công khai mới và thông báo đổi khóa). Dấu vân tay mới: %4</translation>
    </message>
</context>
<context>
    <name>OfficePanel</name>
    <message>
        <source>%1: received</source>
        <translation>%1: đã nhận</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>(muộn)</translation>
    </message>
    <message>
        <source>%1: not received (due %2)</source>
        <translation>%1: chưa nhận (hạn %2)</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>QUÁ HẠN</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Số gói</translation>
    </message>
    <message>
        <source>Last no.</source>
        <translation>Số cuối</translation>
    </message>
    <message>
        <source>Last period</source>
        <translation>Kỳ cuối</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Missing no.</source>
        <translation>Số còn thiếu</translation>
    </message>
    <message>
        <source>Due on the 5th</source>
        <translation>Hạn ngày 5</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Giấy xác nhận</translation>
    </message>
    <message>
        <source>Receive packages</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <source>The communes: what each sent</source>
        <translation>Các xã: gói đã gửi</translation>
    </message>
    <message>
        <source>Each package is checked (the commune&apos;s signature, every hash, its number in the commune&apos;s sequence) before anything is written, then merged into this register; its acknowledgement, signed by this office, is written to the folder you choose, for the courier to carry back. The passphrase is asked once and kept in memory until hgd closes.</source>
        <translation>Mỗi gói được kiểm tra (chữ ký của xã, mọi mã băm, số thứ tự trong chuỗi gói của xã) trước khi ghi bất cứ gì, rồi nhập vào sổ này; giấy xác nhận do cơ quan ký được ghi vào thư mục bạn chọn, để bưu điện mang về xã. Mật khẩu chỉ hỏi một lần và giữ trong bộ nhớ cho đến khi đóng hgd.</translation>
    </message>
    <message>
        <source>Import packages…</source>
        <translation>Nhận gói…</translation>
    </message>
    <message>
        <source>Import a folder of packages…</source>
        <translation>Nhận cả thư mục gói…</translation>
    </message>
    <message>
        <source>Forget the passphrase</source>
        <translation>Quên mật khẩu đã nhập</translation>
    </message>
    <message>
        <source>Packages to receive</source>
        <translation>Các gói cần nhận</translation>
    </message>
    <message>
        <source>A folder of packages</source>
        <translation>Thư mục chứa các gói</translation>
    </message>
    <message>
        <source>No package (.zip) in %1.</source>
        <translation>Không có gói (.zip) nào trong %1.</translation>
    </message>
    <message>
        <source>The packages are encrypted for this office: type the passphrase of the office&apos;s key.</source>
        <translation>Các gói được mã hóa cho cơ quan này: hãy nhập mật khẩu khóa của cơ quan.</translation>
    </message>
    <message>
        <source>Folder for the acknowledgements</source>
        <translation>Thư mục ghi giấy xác nhận</translation>
    </message>
    <message>
        <source>received before: nothing changed</source>
        <translation>đã nhận trước đây: không thay đổi gì</translation>
    </message>
    <message>
        <source>received: %1 persons added, %2 updated</source>
        <translation>đã nhận: thêm %1 người, cập nhật %2</translation>
    </message>
    <message>
        <source>missing before it: no. %1</source>
        <translation>còn thiếu trước gói này: số %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>bị từ chối: %1</translation>
    </message>
    <message>
        <source>not tried: the passphrase was wrong; receive it again</source>
        <translation>chưa thử: mật khẩu sai; hãy nhận lại gói này</translation>
    </message>
    <message>
        <source>%1 of %2 packages received; acknowledgements in %3.</source>
        <translation>Đã nhận %1 trên %2 gói; giấy xác nhận ở %3.</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Packages</source>
        <translation>Gói dữ liệu</translation>
    </message>
    <message>
        <source>Receive packages</source>
        <translation>Nhận gói</translation>
    </message>
    <message>
        <source>Send packages</source>
        <translation>Gửi gói</translation>
    </message>
    <message>
        <source>Check a package</source>
        <translation>Kiểm tra gói</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>this register</source>
        <translation>sổ này</translation>
    </message>
    <message>
        <source>Packages — %1 (social insurance office)</source>
        <translation>Gói dữ liệu — %1 (cơ quan BHXH)</translation>
    </message>
    <message>
        <source>Packages — %1</source>
        <translation>Gói dữ liệu — %1</translation>
    </message>
    <message>
        <source>This register has no keys yet: create them first. Without keys no package can be exported or received (the courier&apos;s check works without).</source>
        <translation>Sổ này chưa có khóa: hãy tạo khóa trước. Không có khóa thì không xuất hoặc nhận gói được (việc kiểm tra gói của bưu điện không cần khóa).</translation>
    </message>
    <message>
        <source>Create keys…</source>
        <translation>Tạo khóa…</translation>
    </message>
    <message>
        <source>The social insurance office&apos;s keys are not registered yet: the packages are encrypted for it. Register the folder of public keys the office gave you.</source>
        <translation>Chưa đăng ký khóa của cơ quan BHXH: gói được mã hóa cho cơ quan. Hãy đăng ký thư mục khóa công khai cơ quan đã đưa cho bạn.</translation>
    </message>
    <message>
        <source>Trust the office&apos;s keys…</source>
        <translation>Tin cậy khóa của cơ quan…</translation>
    </message>
    <message>
        <source>This register has no keys yet: create them first with “Create keys…” (Keys tab).</source>
        <translation>Sổ này chưa có khóa: hãy tạo khóa trước bằng nút “Tạo khóa…” (thẻ Khóa).</translation>
    </message>
    <message>
        <source>The office&apos;s keys are not registered yet: register them with “Trust another unit&apos;s keys…” (Keys tab), from the folder the office gave you.</source>
        <translation>Chưa đăng ký khóa của cơ quan BHXH: hãy đăng ký bằng nút “Tin cậy khóa của đơn vị khác…” (thẻ Khóa), từ thư mục cơ quan đã đưa cho bạn.</translation>
    </message>
    <message>
        <source>Period %1 has no package yet: export it first.</source>
        <translation>Kỳ %1 chưa có gói: hãy xuất gói trước.</translation>
    </message>
    <message>
        <source>The commune has no code (5 digits) yet: set it on the Settings page first.</source>
        <translation>Xã chưa có mã xã (5 chữ số): hãy nhập ở trang Cài đặt trước.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>Export the package of %1</source>
        <translation>Xuất gói dữ liệu kỳ %1</translation>
    </message>
    <message>
        <source>The package is signed with this commune&apos;s key: type the passphrase of the key.</source>
        <translation>Gói được ký bằng khóa của xã: hãy nhập mật khẩu của khóa.</translation>
    </message>
    <message>
        <source>Folder for the package (e.g. the USB stick)</source>
        <translation>Thư mục ghi gói (ví dụ USB)</translation>
    </message>
    <message>
        <source>Package no. %1 of %2 written: %3
Package id: %4
Fingerprint (short form): %5</source>
        <translation>Đã ghi gói số %1 kỳ %2: %3
Mã gói: %4
Dấu vân tay (dạng ngắn): %5</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Fingerprint (short)</source>
        <translation>Dấu vân tay (ngắn)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Xuất lúc</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Bưu điện nhận</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Xác nhận lúc</translation>
    </message>
    <message>
        <source>A locked period&apos;s lists leave the commune as one signed package (a .zip file, encrypted for the social insurance office) carried by the post office with the printed lists and the handover minutes. The office&apos;s acknowledgement comes back the same way.</source>
        <translation>Danh sách của kỳ đã khóa rời xã dưới dạng một gói có chữ ký (tệp .zip, mã hóa cho cơ quan BHXH), do bưu điện chuyển cùng danh sách in và biên bản bàn giao. Giấy xác nhận của cơ quan BHXH được gửi về theo cùng đường.</translation>
    </message>
    <message>
        <source>Export package…</source>
        <translation>Xuất gói…</translation>
    </message>
    <message>
        <source>Handover minutes…</source>
        <translation>Biên bản bàn giao…</translation>
    </message>
    <message>
        <source>Import acknowledgement…</source>
        <translation>Nhận xác nhận…</translation>
    </message>
    <message>
        <source>No locked period yet: lock a month on the Periods page first.</source>
        <translation>Chưa có kỳ nào đã khóa: hãy khóa kỳ ở trang Kỳ báo cáo trước.</translation>
    </message>
    <message>
        <source>Period %1 is locked: its package can be exported.</source>
        <translation>Kỳ %1 đã khóa: có thể xuất gói.</translation>
    </message>
    <message>
        <source>Period %1 is locked; its package can be exported once the keys are ready (see above).</source>
        <translation>Kỳ %1 đã khóa; có thể xuất gói khi đã có đủ khóa (xem ở trên).</translation>
    </message>
    <message>
        <source>Package no. %1 of %2: %3
Package id: %4
Fingerprint: %5
Short form: %6</source>
        <translation>Gói số %1 kỳ %2: %3
Mã gói: %4
Dấu vân tay: %5
Dạng ngắn: %6</translation>
    </message>
    <message>
        <source>Save the handover minutes of %1</source>
        <translation>Lưu biên bản bàn giao kỳ %1</translation>
    </message>
    <message>
        <source>Handover minutes written (%1 pages): %2</source>
        <translation>Đã ghi biên bản bàn giao (%1 trang): %2</translation>
    </message>
    <message>
        <source>Handover minutes</source>
        <translation>Biên bản bàn giao</translation>
    </message>
    <message>
        <source>The office&apos;s acknowledgement</source>
        <translation>Giấy xác nhận của cơ quan BHXH</translation>
    </message>
    <message>
        <source>Acknowledgement of %1 registered: package no. %2 of %3 received on %4; the period is now “%5”.</source>
        <translation>Đã nhận giấy xác nhận của %1: gói số %2 kỳ %3 được nhận lúc %4; kỳ chuyển sang “%5”.</translation>
    </message>
    <message>
        <source>The office lacks the packages no. %1.</source>
        <translation>Cơ quan BHXH còn thiếu các gói số %1.</translation>
    </message>
</context>
</TS>
