namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>
/// Infers one type per column over every row (the file is read twice: once to infer, once to load, so
/// the 2,000,001st row cannot surprise the load). The narrowest type every non-empty value fits wins:
/// boolean, then integer (or date when every value is an 8-digit yyyyMMdd), decimal, date, datetime, text.
/// </summary>
public sealed class TypeInference(int columns)
{
    private readonly ColumnState[] _states = Enumerable.Range(0, columns).Select(_ => new ColumnState()).ToArray();

    public void Observe(string?[] cells)
    {
        for (var i = 0; i < _states.Length; i++)
        {
            var v = cells[i];
            if (!ValueParsers.IsEmpty(v)) _states[i].Observe(v!);
        }
    }

    public FieldType[] Result() => _states.Select(s => s.Type).ToArray();

    private sealed class ColumnState
    {
        private bool _seen, _bool = true, _int = true, _compact = true, _dec = true, _date = true, _dateTime = true;

        public void Observe(string v)
        {
            _seen = true;
            if (!(_bool || _int || _dec || _dateTime)) return; // already text: the common case stays cheap
            if (_bool) _bool = ValueParsers.TryBoolean(v, out _);
            if (_int) _int = ValueParsers.TryInteger(v, out _);
            if (_compact) _compact = _int && v.Length == 8 && ValueParsers.TryDate(v, compact: true, out _);
            if (_dec) _dec = ValueParsers.TryDecimal(v, out _);
            if (_date || _dateTime)
            {
                var isDate = ValueParsers.TryDate(v, compact: false, out _);
                _date &= isDate;
                if (_dateTime) _dateTime = isDate || ValueParsers.TryDateTime(v, out _);
            }
        }

        public FieldType Type =>
            !_seen ? FieldType.Text
            : _bool ? FieldType.Boolean
            : _int && _compact ? FieldType.Date
            : _int ? FieldType.Integer
            : _dec ? FieldType.Decimal
            : _date ? FieldType.Date
            : _dateTime ? FieldType.DateTime
            : FieldType.Text;
    }
}
