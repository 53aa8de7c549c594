using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenData.Web.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks so SQLite can sort and compare it; reads back in UTC.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
