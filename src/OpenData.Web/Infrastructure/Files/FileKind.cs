namespace OpenData.Web.Infrastructure.Files;

/// <summary>What a file is by its first bytes, whatever its name says.</summary>
public enum FileKind
{
    Unknown,
    Png,
    Jpeg,
    Gif,
    WebP,
    Svg,
    Pdf,
    /// <summary>A ZIP container: .docx, .xlsx, .pptx, .zip (see <see cref="FileSniffer.IsOfficeOpenXml"/>).</summary>
    Zip,
    /// <summary>An OLE2 compound file: legacy .doc, .xls, .ppt.</summary>
    OleCompound,
    /// <summary>A program or script: PE (MZ), ELF, Mach-O, a shebang script, a Java class. Never accepted.</summary>
    Executable,
    Html,
    Text,
}
