<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/pages/review.py" line="43" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="44" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="45" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="46" />
        <source>Birth place</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="47" />
        <source>CCCD</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="48" />
        <source>BHXH code</source>
        <translation>Mã số BHXH</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="49" />
        <source>Household</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="50" />
        <source>Relation to head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="51" />
        <source>Group</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="52" />
        <source>Card number</source>
        <translation>Mã thẻ BHYT</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="53" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="54" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="55" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="116" />
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="117" />
        <source>Record A (kept)</source>
        <translation>Hồ sơ A (giữ lại)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="118" />
        <source>Record B</source>
        <translation>Hồ sơ B</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="119" />
        <source>Take B</source>
        <translation>Lấy của B</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="179" />
        <source>Finding</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="282" />
        <source>Review</source>
        <translation>Rà soát dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="285" />
        <source>Run the review</source>
        <translation>Rà soát ngay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="286" />
        <source>Look for persons recorded twice and the other findings (may take a while on a large register; it can be cancelled)</source>
        <translation>Tìm người bị ghi trùng và các điều cần kiểm tra khác (sổ lớn có thể mất một lúc; có thể hủy)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="288" />
        <source>Merge B into A (M)</source>
        <translation>Gộp B vào A (M)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="289" />
        <source>Two different persons (D)</source>
        <translation>Hai người khác nhau (D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="290" />
        <source>Skip (S)</source>
        <translation>Bỏ qua (S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="291" />
        <source>Previous (P)</source>
        <translation>Cặp trước (P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="292" />
        <source>Household checked (C)</source>
        <translation>Đã kiểm tra hộ (C)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="293" />
        <source>Nothing to review here. Run the review to look for persons recorded twice, one-person or large households and the other findings.</source>
        <translation>Chưa có gì cần xem. Bấm Rà soát ngay để tìm người bị ghi trùng, hộ một nhân khẩu, hộ đông người và các điều cần kiểm tra khác.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/review.py" line="301" />
        <source>%n finding(s) open</source>
        <translation>
            <numerusform>%n phát hiện chờ xử lý</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="349" />
        <source>Pair %1 of %2 · score %3 (%4)</source>
        <translation>Cặp %1 / %2 · điểm %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="351" />
        <source>near certain</source>
        <translation>gần như chắc chắn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/review.py" line="352" />
        <source>possible</source>
        <translation>có thể</translation>
    </message>
</context>
</TS>