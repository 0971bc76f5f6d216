<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>PeriodsPage</name>
        <message>
            <source>Double-click a list to see it as it prints, and print it.</source>
            <translation>Nhấp đúp vào một danh sách để xem trước khi in và in.</translation>
        </message>
        <message>
            <source>Preview and print…</source>
            <translation>Xem trước và in…</translation>
        </message>
        <message>
            <source>The chosen list as it prints, page by page; print it from there.</source>
            <translation>Xem danh sách đã chọn như khi in ra, từng trang; in từ đó.</translation>
        </message>
        <message>
            <source>Handover minutes…</source>
            <translation>Biên bản bàn giao…</translation>
        </message>
        <message>
            <source>The handover minutes of the period's package (commune, post office, social insurance office): preview and print.</source>
            <translation>Biên bản bàn giao gói dữ liệu của kỳ (UBND xã, bưu điện, cơ quan BHXH): xem trước và in.</translation>
        </message>
        <message>
            <source>Open the written file</source>
            <translation>Mở tệp đã ghi</translation>
        </message>
        <message>
            <source>Handover minutes %1</source>
            <translation>Biên bản bàn giao kỳ %1</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Print preview — %1</source>
            <translation>Xem trước khi in — %1</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>In…</translation>
        </message>
        <message>
            <source>Choose a printer and print (Ctrl+P)</source>
            <translation>Chọn máy in và in (Ctrl+P)</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Trang trước</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Trang sau</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Trang</translation>
        </message>
        <message>
            <source>/ %1</source>
            <translation>/ %1</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Thu nhỏ</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Phóng to</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>custom size</source>
            <translation>khổ tùy chỉnh</translation>
        </message>
        <message>
            <source>landscape</source>
            <translation>khổ ngang</translation>
        </message>
        <message>
            <source>portrait</source>
            <translation>khổ dọc</translation>
        </message>
        <message>
            <source>%1 pages · %2, %3</source>
            <translation>%1 trang · %2, %3</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Vừa chiều ngang</translation>
        </message>
        <message>
            <source>Whole page</source>
            <translation>Cả trang</translation>
        </message>
        <message>
            <source>Print — %1</source>
            <translation>In — %1</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Printing page %1 of %2…</source>
            <translation>Đang in trang %1/%2…</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>In</translation>
        </message>
        <message>
            <source>Printing failed: %1</source>
            <translation>Không in được: %1</translation>
        </message>
    </context>
    <context>
        <name>PrintPreview</name>
        <message>
            <source>The printer could not be started.</source>
            <translation>Không khởi động được máy in.</translation>
        </message>
        <message>
            <source>Print preview</source>
            <translation>Xem trước khi in</translation>
        </message>
        <message>
            <source>The file “%1” cannot be read: it is missing, damaged or not a PDF. Write the files again and retry.</source>
            <translation>Không đọc được tệp “%1”: tệp không còn, bị hỏng hoặc không phải PDF. Hãy ghi lại các tệp rồi thử lại.</translation>
        </message>
    </context>
    <context>
        <name>ThumbnailModel</name>
        <message>
            <source>Page %1</source>
            <translation>Trang %1</translation>
        </message>
    </context>
</TS>
