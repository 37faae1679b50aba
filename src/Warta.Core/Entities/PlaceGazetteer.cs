using System.Globalization;

namespace Warta.Core.Entities;

/// <summary>Lower-cased names of places: country names in Indonesian from the CLDR data .NET carries, plus compiled lists of Indonesian provinces, cities and common foreign places.</summary>
/// <remarks>Country names come from ICU/CLDR through <see cref="CultureInfo.DisplayName"/> of every specific culture under the
/// <c>id</c> UI culture (<c>ko-KP</c> → "Korea (Korea Utara)", the part in brackets). The provinces are the 38 provinces of
/// Indonesia (Kemendagri, 2022); the cities are provincial capitals and other large cities compiled by hand for this project.</remarks>
public sealed class PlaceGazetteer
{
    /// <summary>Longest name in tokens that <see cref="Match"/> looks for.</summary>
    public const int MaxNameTokens = 4;

    private static readonly Lazy<PlaceGazetteer> LazyDefault = new(() => new PlaceGazetteer(DefaultNames()));

    private readonly HashSet<string> _names;

    /// <summary>First words of the names, so a token that opens none is passed over without building any candidate.</summary>
    private readonly HashSet<string> _firstWords;

    public PlaceGazetteer(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var normal = string.Join(' ', name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));
            if (normal.Length > 1) _names.Add(normal);
        }
        _firstWords = new HashSet<string>(_names.Select(static n => n.Split(' ')[0]), StringComparer.Ordinal);
    }

    /// <summary>Country names, Indonesian provinces, cities and compiled aliases.</summary>
    public static PlaceGazetteer Default => LazyDefault.Value;

    public int Count => _names.Count;

    public bool Contains(string name) =>
        _names.Contains(string.Join(' ', name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Marks tokens inside the longest gazetteer match starting at each position: 1 = first token of a name, 2 = inside, 0 = none.</summary>
    /// <param name="lowerTokens">Lower-cased tokens of one sentence.</param>
    public byte[] Match(IReadOnlyList<string> lowerTokens)
    {
        ArgumentNullException.ThrowIfNull(lowerTokens);
        var marks = new byte[lowerTokens.Count];
        var names = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> candidate = stackalloc char[128];
        var i = 0;
        while (i < lowerTokens.Count)
        {
            var matched = 0;
            var first = lowerTokens[i];
            if (_firstWords.Contains(first) || first.Contains(' ', StringComparison.Ordinal))
            {
                if (_names.Contains(first)) matched = 1;
                // The candidate "w1 w2 …" is built in one buffer rather than by concatenating strings.
                var length = first.Length;
                if (length <= candidate.Length) first.CopyTo(candidate);
                for (var n = 2; n <= MaxNameTokens && i + n <= lowerTokens.Count; n++)
                {
                    var next = lowerTokens[i + n - 1];
                    if (length + 1 + next.Length > candidate.Length) break;
                    candidate[length++] = ' ';
                    next.CopyTo(candidate[length..]);
                    length += next.Length;
                    if (names.Contains(candidate[..length])) matched = n;
                }
            }
            if (matched == 0)
            {
                i++;
                continue;
            }
            marks[i] = 1;
            for (var k = 1; k < matched; k++) marks[i + k] = 2;
            i += matched;
        }
        return marks;
    }

    /// <summary>Indonesian country names from the CLDR data of the runtime's ICU (empty when globalisation is invariant).</summary>
    public static IReadOnlyList<string> CldrCountryNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // DisplayName is rendered in the current UI culture; switching it is thread-local and restored below.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                var display = culture.DisplayName;
                var open = display.LastIndexOf('(');
                var close = display.LastIndexOf(')');
                if (open < 0 || close <= open) continue;
                var inner = display[(open + 1)..close];
                var region = inner[(inner.LastIndexOf(',') + 1)..].Trim();
                if (region.Length > 1 && !region.Any(char.IsDigit)) names.Add(region);
            }
        }
        catch (CultureNotFoundException)
        {
            return [];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        return [.. names];
    }

    private static IEnumerable<string> DefaultNames() =>
        CldrCountryNames().Concat(Provinces).Concat(Cities).Concat(EntityAliases.PlaceNames);

    /// <summary>The 38 provinces of Indonesia (Kemendagri 2022), with common short forms.</summary>
    private static readonly string[] Provinces =
    [
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan", "Bengkulu",
        "Lampung", "Kepulauan Bangka Belitung", "Bangka Belitung", "DKI Jakarta", "Jakarta", "Jawa Barat", "Jawa Tengah",
        "Jawa Timur", "Banten", "DI Yogyakarta", "Yogyakarta", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
        "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
        "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Sulawesi Barat", "Gorontalo",
        "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
        "Papua Barat Daya", "Jawa", "Sumatera", "Sumatra", "Kalimantan", "Sulawesi", "Jabar", "Jateng", "Jatim", "Sumut",
        "Sumbar", "Sumsel", "Kalbar", "Kalteng", "Kalsel", "Kaltim", "Kaltara", "Sulut", "Sulteng", "Sulsel", "Sultra",
        "Sulbar", "NTB", "NTT", "DIY", "Kepri", "Babel",
    ];

    /// <summary>Provincial capitals and other large cities of Indonesia, plus frequently reported foreign cities.</summary>
    private static readonly string[] Cities =
    [
        "Banda Aceh", "Medan", "Padang", "Pekanbaru", "Tanjung Pinang", "Batam", "Palembang", "Pangkal Pinang",
        "Bandar Lampung", "Serang", "Tangerang", "Tangerang Selatan", "Bekasi", "Depok", "Bogor", "Bandung", "Cirebon",
        "Sukabumi", "Tasikmalaya", "Semarang", "Solo", "Surakarta", "Magelang", "Tegal", "Pekalongan", "Surabaya",
        "Malang", "Kediri", "Madiun", "Sidoarjo", "Jember", "Banyuwangi", "Denpasar", "Mataram", "Kupang", "Pontianak",
        "Palangkaraya", "Palangka Raya", "Banjarmasin", "Banjarbaru", "Samarinda", "Balikpapan", "Tanjung Selor",
        "Tarakan", "Manado", "Palu", "Makassar", "Kendari", "Mamuju", "Ambon", "Ternate", "Sofifi", "Jayapura",
        "Manokwari", "Sorong", "Merauke", "Nabire", "Wamena", "Cianjur", "Garut", "Karawang", "Purwakarta", "Cilacap",
        "Purwokerto", "Kudus", "Jepara", "Klaten", "Sleman", "Bantul", "Gresik", "Mojokerto", "Probolinggo",
        "Pasuruan", "Lombok", "Sumbawa", "Flores", "Labuan Bajo", "Nusantara",
        "Washington", "New York", "London", "Paris", "Berlin", "Moskow", "Beijing", "Tokyo", "Seoul", "Pyongyang",
        "Hanoi", "Bangkok", "Kuala Lumpur", "Manila", "Canberra", "Sydney", "Riyadh", "Mekkah", "Makkah", "Madinah",
        "Kairo", "Teheran", "Baghdad", "Damaskus", "Yerusalem", "Gaza", "Tepi Barat", "Kyiv", "Kiev", "Vladivostok",
        "Hong Kong", "Taipei", "New Delhi", "Islamabad", "Dhaka", "Den Haag", "Brussel", "Jenewa", "Roma", "Madrid",
    ];
}
