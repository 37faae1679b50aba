using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search.Lucene;

/// <summary>Counts matching articles per day (and outlet) from the day and outlet doc values, without loading documents.</summary>
internal sealed class PeriodCollector(bool byOutlet) : ICollector
{
    private readonly BytesRef _scratch = new();
    private NumericDocValues? _days;
    private IBits? _hasDay;
    private SortedDocValues? _outlets;

    public Dictionary<(int Day, string? Outlet), int> Counts { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _days = context.AtomicReader.GetNumericDocValues(IndexFields.DayValues);
        _hasDay = context.AtomicReader.GetDocsWithField(IndexFields.DayValues);
        _outlets = byOutlet ? context.AtomicReader.GetSortedDocValues(IndexFields.OutletValues) : null;
    }

    public void Collect(int doc)
    {
        if (_days is null || _hasDay is null || !_hasDay.Get(doc)) return;
        var day = (int)_days.Get(doc);
        string? outlet = null;
        if (byOutlet)
        {
            var ord = _outlets?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                _outlets!.LookupOrd(ord, _scratch);
                outlet = _scratch.Utf8ToString();
            }
            else
            {
                outlet = "";
            }
        }
        var key = (day, outlet);
        Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }
}
