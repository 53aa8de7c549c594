using System.Runtime.CompilerServices;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>
/// Infers one type per column over every row, so the 2,000,001st row cannot surprise the load (ADR 0010, 0011).
/// The narrowest type every non-empty value fits wins: boolean, then integer (or date when every value is an
/// 8-digit yyyyMMdd), decimal, date, datetime, month (2013-12, 2013年12月), text.
/// </summary>
public sealed class TypeInference(int columns)
{
    private readonly ColumnTyper[] _states = Enumerable.Range(0, columns).Select(_ => new ColumnTyper()).ToArray();

    public void Observe(string?[] cells)
    {
        for (var i = 0; i < _states.Length; i++)
        {
            var v = cells[i];
            if (!ValueParsers.IsEmpty(v)) _states[i].Observe(v!);
        }
    }

    public FieldType[] Result() => _states.Select(s => s.Type).ToArray();

    /// <summary>The per-column states, carried on by the single-pass load (<see cref="RowConverter"/>).</summary>
    internal ColumnTyper[] States => _states;
}

/// <summary>
/// One column's inference state. Flags only ever turn false, so the type only ever widens. Observe keeps the
/// value it parsed for the column's current type, which the single-pass load stores without parsing again.
/// </summary>
internal sealed class ColumnTyper
{
    private bool _bool = true, _int = true, _compact = true, _dec = true, _date = true, _dateTime = true, _month = true;
    private long _long;
    private decimal _decimal;
    private DateOnly _day;
    private DateTime _time;
    private bool _flag;
    private int _year, _monthOfYear;

    public bool Seen { get; private set; }

    public void Observe(string v) => Observe(v.AsSpan());

    /// <summary>The same rules over a span: the CSV byte path transcodes a cell into a stack buffer (ADR 0012).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Observe(ReadOnlySpan<char> v)
    {
        Seen = true;
        if (!(_bool || _int || _dec || _dateTime || _month)) return; // already text: the common case stays cheap
        if (_bool) _bool = ValueParsers.TryBoolean(v, out _flag);
        var isInt = _int && SpanParsers.TryInteger(v, out _long);
        _int = isInt;
        if (_compact) _compact = isInt && v.Length == 8 && SpanParsers.TryDate(v, compact: true, out _day);
        // Every strict integer is a strict decimal: parse again only when it is not one.
        if (_dec) _dec = isInt ? Set(_decimal = _long) : SpanParsers.TryDecimal(v, out _decimal);
        if (_date || _dateTime)
        {
            var isDate = !_compact && SpanParsers.TryDate(v, compact: false, out _day);
            _date &= isDate;
            if (_dateTime) _dateTime = isDate ? Set(_time = _day.ToDateTime(TimeOnly.MinValue)) : ValueParsers.TryDateTime(v, out _time);
        }
        // A date or a number is never a year-month, so this only runs on columns that are on their way to text.
        if (_month) _month = SpanParsers.TryMonth(v, out _year, out _monthOfYear);
    }

    private static bool Set<T>(T _) => true;

    public FieldType Type
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get =>
            !Seen ? FieldType.Text
            : _bool ? FieldType.Boolean
            : _int && _compact ? FieldType.Date
            : _int ? FieldType.Integer
            : _dec ? FieldType.Decimal
            : _date ? FieldType.Date
            : _dateTime ? FieldType.DateTime
            : _month ? FieldType.Month
            : FieldType.Text;
    }

    /// <summary>The last observed value as <paramref name="type"/>; valid only while <see cref="Type"/> is that type.</summary>
    public object Value(FieldType type) => type switch
    {
        FieldType.Boolean => _flag,
        FieldType.Integer => _long,
        FieldType.Decimal => _decimal,
        FieldType.Date => _day,
        FieldType.DateTime => _time,
        FieldType.Month => ValueParsers.MonthText(_year, _monthOfYear),
        _ => throw new InvalidOperationException($"no typed value for {type}"),
    };

    /// <summary><see cref="Value"/> written into a sink without boxing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(FieldType type, IRowSink sink)
    {
        switch (type)
        {
            case FieldType.Boolean: sink.Boolean(_flag); break;
            case FieldType.Integer: sink.Integer(_long); break;
            case FieldType.Decimal: sink.Decimal(_decimal); break;
            case FieldType.Date: sink.Date(_day); break;
            case FieldType.DateTime: sink.DateTime(_time); break;
            case FieldType.Month: sink.Text(ValueParsers.MonthText(_year, _monthOfYear)); break;
            default: throw new InvalidOperationException($"no typed value for {type}");
        }
    }
}
