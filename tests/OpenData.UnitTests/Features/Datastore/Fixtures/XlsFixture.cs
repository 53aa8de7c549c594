using System.Buffers.Binary;
using System.Text;

namespace OpenData.UnitTests.Features.Datastore.Fixtures;

/// <summary>
/// Writes a tiny but real legacy .xls: a BIFF8 workbook stream (BOF, BOUNDSHEET, EOF; then a sheet with
/// LABEL/NUMBER cells and MERGEDCELLS) inside a version 3 compound file (header, one FAT sector, one
/// directory sector). This is the simplest honest way to test the XLS path without checking in a binary
/// made elsewhere: every byte is written here from the [MS-XLS] and [MS-CFB] layouts.
/// Cells: string or double; null leaves the cell out. Merges are (firstRow, lastRow, firstCol, lastCol), 0-based.
/// </summary>
public static class XlsFixture
{
    public static byte[] Build(object?[][] rows, (int R1, int R2, int C1, int C2)[]? merges = null) =>
        Compound(Workbook(rows, merges ?? []));

    private static byte[] Workbook(object?[][] rows, (int, int, int, int)[] merges)
    {
        var globals = new MemoryStream();
        Record(globals, 0x0809, Bof(0x0005));
        Record(globals, 0x0042, U16(1200)); // CODEPAGE: Unicode
        var sheetName = "Sheet1";
        var boundSheetAt = globals.Length;
        var bs = new MemoryStream();
        bs.Write(new byte[4]); // lbPlyPos, patched below
        bs.WriteByte(0); bs.WriteByte(0); // visible worksheet
        bs.WriteByte((byte)sheetName.Length); bs.WriteByte(0); // compressed (Latin-1) name
        bs.Write(Encoding.Latin1.GetBytes(sheetName));
        Record(globals, 0x0085, bs.ToArray());
        Record(globals, 0x000A, []);

        var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var head = new byte[6];
                BinaryPrimitives.WriteUInt16LittleEndian(head, (ushort)r);
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(2), (ushort)c);
                switch (rows[r][c])
                {
                    case string s:
                        var text = Encoding.Unicode.GetBytes(s);
                        Record(sheet, 0x0204, [.. head, .. U16((ushort)s.Length), 1, .. text]); // LABEL, UTF-16 string
                        break;
                    case double d:
                        var num = new byte[8];
                        BinaryPrimitives.WriteDoubleLittleEndian(num, d);
                        Record(sheet, 0x0203, [.. head, .. num]); // NUMBER
                        break;
                }
            }
        if (merges.Length > 0)
        {
            var mc = new MemoryStream();
            mc.Write(U16((ushort)merges.Length));
            foreach (var (r1, r2, c1, c2) in merges)
                mc.Write([.. U16((ushort)r1), .. U16((ushort)r2), .. U16((ushort)c1), .. U16((ushort)c2)]);
            Record(sheet, 0x00E5, mc.ToArray());
        }
        Record(sheet, 0x000A, []);

        var bytes = globals.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)boundSheetAt + 4), (uint)bytes.Length);
        var all = bytes.Concat(sheet.ToArray()).ToList();
        while (all.Count < 4096) all.Add(0); // keep the stream out of the mini stream (cutoff 4096)
        return all.ToArray();
    }

    private static byte[] Bof(ushort type) => [.. U16(0x0600), .. U16(type), .. U16(0x0DBB), .. U16(0x07CC), 0, 0, 0, 0, 6, 0, 0, 0];

    private static byte[] U16(ushort v) => [(byte)v, (byte)(v >> 8)];

    private static void Record(Stream s, ushort id, byte[] data)
    {
        s.Write(U16(id));
        s.Write(U16((ushort)data.Length));
        s.Write(data);
    }

    private static byte[] Compound(byte[] stream)
    {
        const uint Free = 0xFFFFFFFF, End = 0xFFFFFFFE, FatSect = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;
        var sectors = (stream.Length + 511) / 512;
        var file = new byte[512 * (3 + sectors)];
        var h = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1); // directory in sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], End);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], End);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x4C..], 0); // DIFAT[0]: FAT in sector 0
        for (var i = 1; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + 4 * i)..], Free);

        var fat = file.AsSpan(512, 512); // sector 0
        for (var i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSect);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], End);
        for (var i = 0; i < sectors; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * (2 + i))..], i == sectors - 1 ? End : (uint)(3 + i));

        var dir = file.AsSpan(1024, 512); // sector 1
        Entry(dir[..128], "Root Entry", 5, child: 1, start: End, size: 0);
        Entry(dir[128..256], "Workbook", 2, child: NoStream, start: 2, size: (uint)stream.Length);
        for (var i = 2; i < 4; i++)
        {
            var e = dir[(128 * i)..(128 * (i + 1))];
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], NoStream);
        }
        stream.CopyTo(file.AsSpan(512 * 3));
        return file;
    }

    private static void Entry(Span<byte> e, string name, byte type, uint child, uint start, uint size)
    {
        Encoding.Unicode.GetBytes(name).CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)((name.Length + 1) * 2));
        e[0x42] = type;
        e[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x78..], size);
    }
}
