using SkiaSharp;

namespace OpenData.Web.Features.Showcase.Demo;

/// <summary>
/// Draws the demo screenshots at seed time (no copied images): an app frame in the entry's colour with a chart,
/// cards or a map-like figure, from a seeded Random so every run draws the same. No text: the server may have no
/// CJK font, and shapes read as a screenshot at thumbnail size.
/// </summary>
public static class DemoScreens
{
    private static readonly SKColor[] Palette =
        [new(0x1F, 0x5F, 0xAE), new(0x1A, 0x8A, 0x6E), new(0xC2, 0x5B, 0x1B), new(0x6B, 0x4F, 0xA8), new(0x0E, 0x7C, 0x9C), new(0xA3, 0x3B, 0x52)];

    public static SKBitmap Draw(int seed, int variant)
    {
        var rnd = new Random(seed * 31 + variant);
        var accent = Palette[seed % Palette.Length];
        var bitmap = new SKBitmap(new SKImageInfo(960, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(0xF4, 0xF6, 0xF9));
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        fill.Color = accent;
        canvas.DrawRect(0, 0, 960, 64, fill);
        fill.Color = SKColors.White.WithAlpha(200);
        canvas.DrawRoundRect(24, 20, 140, 24, 6, 6, fill);
        for (var i = 0; i < 4; i++) canvas.DrawRoundRect(560 + i * 96, 26, 72, 12, 6, 6, fill);
        fill.Color = SKColors.White;
        canvas.DrawRoundRect(24, 88, 220, 488, 10, 10, fill);
        fill.Color = accent.WithAlpha(40);
        for (var i = 0; i < 7; i++) canvas.DrawRoundRect(40, 108 + i * 62, 188, 44, 8, 8, fill);
        fill.Color = SKColors.White;
        canvas.DrawRoundRect(264, 88, 672, 488, 10, 10, fill);
        switch (variant % 3)
        {
            case 0: Bars(canvas, rnd, accent); break;
            case 1: Line(canvas, rnd, accent); break;
            default: Map(canvas, rnd, accent); break;
        }
        return bitmap;
    }

    private static void Bars(SKCanvas canvas, Random rnd, SKColor accent)
    {
        using var p = new SKPaint { IsAntialias = true, Color = accent };
        for (var i = 0; i < 12; i++)
        {
            var h = 60 + rnd.Next(300);
            p.Color = i % 2 == 0 ? accent : accent.WithAlpha(150);
            canvas.DrawRoundRect(300 + i * 52, 540 - h, 34, h, 4, 4, p);
        }
    }

    private static void Line(SKCanvas canvas, Random rnd, SKColor accent)
    {
        using var grid = new SKPaint { Color = new SKColor(0xE3, 0xE7, 0xED), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        for (var y = 140; y <= 540; y += 80) canvas.DrawLine(296, y, 910, y, grid);
        using var path = new SKPath();
        path.MoveTo(300, 400);
        for (var x = 340; x <= 900; x += 40) path.LineTo(x, 180 + rnd.Next(320));
        using var stroke = new SKPaint { IsAntialias = true, Color = accent, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
        canvas.DrawPath(path, stroke);
        using var dots = new SKPaint { IsAntialias = true, Color = accent.WithAlpha(90) };
        for (var i = 0; i < 3; i++) canvas.DrawRoundRect(300 + i * 204, 110, 180, 18, 9, 9, dots);
    }

    private static void Map(SKCanvas canvas, Random rnd, SKColor accent)
    {
        using var p = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 9; i++)
        {
            using var path = new SKPath();
            float cx = 340 + (i % 3) * 190 + rnd.Next(40), cy = 150 + i / 3 * 130 + rnd.Next(30);
            path.MoveTo(cx, cy);
            for (var k = 0; k < 6; k++) path.LineTo(cx + rnd.Next(40, 170), cy + rnd.Next(-20, 120));
            path.Close();
            p.Color = accent.WithAlpha((byte)(60 + rnd.Next(160)));
            canvas.DrawPath(path, p);
        }
        p.Color = new SKColor(0xE0, 0x4F, 0x39);
        for (var i = 0; i < 14; i++) canvas.DrawCircle(320 + rnd.Next(580), 120 + rnd.Next(430), 7, p);
    }
}
