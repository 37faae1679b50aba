namespace Warta.Web.App;

/// <summary>Counts per period for one chart: the periods (oldest first, gaps included), the series names (an outlet each, or one unnamed series) and counts[period][series].</summary>
internal sealed record ChartSeries(IReadOnlyList<DateOnly> Periods, bool Weekly, IReadOnlyList<string> Names, int[][] Counts)
{
    /// <summary>More days than this are counted per ISO week instead, so that a bar stays wide enough to see.</summary>
    public const int MaxDays = 92;

    public static ChartSeries Empty { get; } = new([], false, [], []);

    public int Max => Counts.Length == 0 ? 0 : Counts.Max(static c => c.Sum());

    public int Total => Counts.Sum(static c => c.Sum());

    /// <summary>Counts items per day (per week when they span more than <see cref="MaxDays"/> days), one series per distinct name (ordinal order).</summary>
    public static ChartSeries Of(IEnumerable<(DateOnly Day, string Name)> items, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        if (list.Count == 0 && (from is null || to is null)) return Empty;
        var first = from ?? list.Min(static i => i.Day);
        var last = to ?? list.Max(static i => i.Day);
        if (last < first) (first, last) = (last, first);
        var weekly = last.DayNumber - first.DayNumber + 1 > MaxDays;
        if (weekly)
        {
            first = Monday(first);
            last = Monday(last);
        }
        var step = weekly ? 7 : 1;
        var periods = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(step)) periods.Add(day);
        var names = list.Select(static i => i.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = periods.Select(_ => new int[names.Count]).ToArray();
        foreach (var (day, name) in list)
        {
            var key = weekly ? Monday(day) : day;
            if (key < first || key > last) continue;
            counts[(key.DayNumber - first.DayNumber) / step][names.BinarySearch(name, StringComparer.Ordinal)]++;
        }
        return new ChartSeries(periods, weekly, names, counts);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
