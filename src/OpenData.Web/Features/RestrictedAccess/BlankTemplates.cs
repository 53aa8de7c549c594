using System.IO.Compression;
using System.Security;
using System.Text;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The blank forms applicants fill in, sign, scan and upload, written as minimal Word documents (three XML parts)
/// so no document library and no binary files in the repository are needed.
/// </summary>
public static class BlankTemplates
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(string kind)
    {
        var lines = Lines(kind);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            var body = new StringBuilder();
            body.Append($"""<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t>{SecurityElement.Escape(DocumentKinds.Label(kind))}</w:t></w:r></w:p>""");
            foreach (var line in lines)
                body.Append($"""<w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{SecurityElement.Escape(line)}</w:t></w:r></w:p>""");
            Write(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""");
        }
        return ms.ToArray();
    }

    private static string[] Lines(string kind) => kind switch
    {
        DocumentKinds.ApplicationForm =>
        [
            "申请单位（个人）名称：", "统一社会信用代码（身份证号）：", "联系人：　　　　　　联系电话：", "申请的数据集名称及提供部门：",
            "申请用途：", "使用场景：", "所需数据项：", "使用期限：　　年　　月　　日至　　年　　月　　日", "数据安全保障措施：",
            "", "申请单位（盖章）：　　　　　　　　　　日期：",
        ],
        DocumentKinds.DemandList =>
        [
            "序号 | 数据集名称 | 所需数据项 | 数据范围（时间、区域） | 更新频率 | 获取方式（下载/接口）",
            "1 |  |  |  |  | ", "2 |  |  |  |  | ", "3 |  |  |  |  | ", "", "填表人：　　　　　　　　日期：",
        ],
        _ =>
        [
            "本单位（本人）申请使用丽水市公共数据开放平台有条件开放数据，郑重承诺：",
            "一、仅将数据用于申请中载明的用途和场景，不超范围使用；",
            "二、不以任何形式向第三方提供、转让或公开原始数据；",
            "三、落实数据安全保障措施，发生数据安全事件立即报告并处置；",
            "四、授权期满或用途完成后及时删除全部数据及副本，并书面报告；",
            "五、接受数据提供部门和平台的监督检查，违反承诺的自愿承担相应法律责任。",
            "", "承诺单位（盖章）/承诺人（签字）：　　　　　　　　日期：",
        ],
    };

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }
}
