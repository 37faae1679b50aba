namespace Warta.Core.Entities;

/// <summary>Indonesian naming conventions applied on top of the statistical tags, for names the training sets rarely show.</summary>
/// <remarks>
/// Institution names open with a head noun (<c>Dewan Federasi</c>, <c>Kantor Berita Pusat Korea</c>, <c>Senat Rusia</c>) and run
/// over the capitalised words that follow, place names included; a capitalised word after a lowercase place noun
/// (<c>wilayah Penza</c>, <c>kota Vladivostok</c>) names a place. The model learns these only for heads and names it has seen;
/// the rules generalise them. Both lists are compiled for this project from Indonesian usage.
/// </remarks>
internal static class NameRules
{
    /// <summary>Capitalised head nouns (one or two words) that open an organisation's name.</summary>
    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.Ordinal)
    {
        "Kantor Berita", "Dewan", "Senat", "Parlemen", "Kongres", "Majelis", "Kementerian", "Departemen",
        "Badan", "Komisi", "Komite", "Lembaga", "Mahkamah", "Pengadilan", "Kejaksaan", "Kepolisian", "Dinas", "Partai",
        "Universitas", "Institut", "Sekolah Tinggi", "Bank", "Perserikatan", "Organisasi", "Persatuan", "Asosiasi",
        "Ikatan", "Himpunan", "Yayasan", "Perusahaan", "Korps", "Komando", "Angkatan", "Markas Besar", "Pemerintah Provinsi",
        "Pemerintah Kabupaten", "Pemerintah Kota", "Otoritas", "Direktorat", "Sekretariat", "Kamar Dagang",
    };

    /// <summary>Organisation heads that never open a place's name, unlike <c>Universitas</c> or <c>Bank</c> (a building, a seat).</summary>
    private static readonly HashSet<string> NeverPlaceHeads = new(StringComparer.Ordinal)
    {
        "Dinas", "Badan", "Kementerian", "Kejaksaan", "Kepolisian", "Komisi", "Partai", "Dewan", "Lembaga", "Direktorat", "Mahkamah",
        "Komite", "Asosiasi", "Yayasan", "Otoritas",
    };

    /// <summary>Lowercase nouns after which a capitalised word is a place (<c>di wilayah Penza</c>).</summary>
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "wilayah", "kota", "provinsi", "kabupaten", "kecamatan", "kelurahan", "desa", "distrik", "pulau", "kepulauan",
        "negara", "negeri", "kawasan", "daerah", "teluk", "selat", "gunung", "sungai", "danau", "semenanjung",
    };

    /// <summary>Titles and offices that precede a name but are not part of it (<c>Bupati Lamaru</c> is the place Lamaru's regent).</summary>
    /// <remarks>In the labeled sets these words are tagged O in the great majority of cases; Raja, Sultan, Pangeran, Hakim and Dr,
    /// which the sets tag either way, are left out.</remarks>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Presiden", "Wakil", "Wapres", "Bupati", "Gubernur", "Walikota", "Wali Kota", "Camat", "Lurah", "Kades", "Menteri",
        "Menko", "Perdana Menteri", "Ketua", "Kepala", "Kapolri", "Kapolda", "Kapolres", "Kapolsek", "Direktur", "Dirut",
        "Sekretaris", "Sekjen", "Sekda", "Senator", "Kanselir", "Jaksa", "Anggota", "Juru Bicara", "Jubir", "Dubes",
        "Duta Besar", "Pelatih", "Prof", "Ir",
    };

    /// <summary>Lowercase words that may sit inside an organisation's name between capitalised words.</summary>
    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "dan", "untuk", "&" };

    /// <summary>Rewrites <paramref name="tags"/> (BIO indices) in place where a rule applies.</summary>
    public static void Apply(IReadOnlyList<string> tokens, int[] tags)
    {
        StripTitles(tokens, tags);
        TagKnownOrganisations(tokens, tags);
        if (IsHeadlineCase(tokens)) return;
        var i = 0;
        while (i < tokens.Count)
        {
            var head = OrganisationHeadLength(tokens, i);
            // Where the model has an opinion about the head or its name, it knows the dataset's conventions better.
            if (head > 0 && tags[i] == BioTags.Outside)
            {
                var end = CapitalisedRunEnd(tokens, tags, i + head);
                // A trailing place the model found is usually the branch's seat (Departemen Keuangan | Jakarta).
                while (end > i + head && BioTags.TypeOrNone(tags[end - 1]) == "LOC") end--;
                // A bare head ("Dewan menyetujui …") is a common noun; a numbered body ("Komisi III") is left to the model.
                if (end > i + head && !IsRomanNumeral(tokens[i + head]) && !ContainsType(tags, i, end, "ORG"))
                {
                    Retag(tags, i, end, BioTags.Index("B-ORG"));
                    i = end;
                    continue;
                }
            }
            // A body the model took for a place ("Dinas PUPR Lamaru", "Badan Pusat Statistik"): these heads never open a place's name.
            if (head > 0 && tags[i] == BioTags.Index("B-LOC") && NeverPlaceHeads.Contains(tokens[i]))
            {
                var end = i + 1;
                while (end < tokens.Count && tags[end] == BioTags.Index("I-LOC")) end++;
                Retag(tags, i, end, BioTags.Index("B-ORG"));
                i = end;
                continue;
            }
            if (PlaceNouns.Contains(tokens[i]) && i + 1 < tokens.Count && IsCapitalised(tokens[i + 1]) && tags[i + 1] == BioTags.Outside)
            {
                var end = i + 1;
                while (end < tokens.Count && IsCapitalised(tokens[end]) && tags[end] == BioTags.Outside) end++;
                Retag(tags, i + 1, end, BioTags.Index("B-LOC"));
                i = end;
                continue;
            }
            i++;
        }
    }

    /// <summary>Drops leading titles from the model's spans: <c>Presiden Joko Widodo</c> → <c>Joko Widodo</c>.</summary>
    private static void StripTitles(IReadOnlyList<string> tokens, int[] tags)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tags[i] == BioTags.Outside || BioTags.IsInside(tags[i])) continue;
            var begin = tags[i];
            var k = i;
            while (k < tokens.Count && (k == i || BioTags.IsInside(tags[k])))
            {
                var title = TitleLength(tokens, k);
                if (title == 0 || (title == 2 && !BioTags.IsInside(tags[k + 1]))) break;
                for (var t = k; t < k + title; t++) tags[t] = BioTags.Outside;
                k += title;
            }
            if (k > i && k < tokens.Count && BioTags.IsInside(tags[k])) tags[k] = begin;
        }
    }

    private static int TitleLength(IReadOnlyList<string> tokens, int i)
    {
        if (i + 1 < tokens.Count && Titles.Contains(tokens[i] + " " + tokens[i + 1])) return 2;
        return Titles.Contains(tokens[i]) ? 1 : 0;
    }

    /// <summary>Multi-word organisation names of the alias table, wherever they occur with their exact capitalisation.</summary>
    private static void TagKnownOrganisations(IReadOnlyList<string> tokens, int[] tags)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!KnownOrganisationsByFirstWord.TryGetValue(tokens[i], out var names)) continue;
            foreach (var name in names)
            {
                if (i + name.Length > tokens.Count) continue;
                var match = true;
                for (var k = 1; k < name.Length && match; k++) match = string.Equals(tokens[i + k], name[k], StringComparison.Ordinal);
                if (!match) continue;
                Retag(tags, i, i + name.Length, BioTags.Index("B-ORG"));
                i += name.Length - 1;
                break;
            }
        }
    }

    private static readonly Dictionary<string, string[][]> KnownOrganisationsByFirstWord =
        EntityAliases.MultiWordOrganisationNames
            .GroupBy(n => n[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray(), StringComparer.Ordinal);

    private static bool ContainsType(int[] tags, int start, int end, string type)
    {
        for (var k = start; k < end; k++)
        {
            if (BioTags.TypeOrNone(tags[k]) == type) return true;
        }
        return false;
    }

    private static bool IsRomanNumeral(string token) => token.All(c => c is 'I' or 'V' or 'X' or 'L');

    private static int OrganisationHeadLength(IReadOnlyList<string> tokens, int i)
    {
        if (!IsCapitalised(tokens[i])) return 0;
        if (i + 1 < tokens.Count && OrganisationHeads.Contains(tokens[i] + " " + tokens[i + 1])) return 2;
        return OrganisationHeads.Contains(tokens[i]) ? 1 : 0;
    }

    /// <summary>End (exclusive) of the capitalised words from <paramref name="start"/>, with connectors only between capitalised words.</summary>
    /// <remarks>A person the model found ends the name: <c>Partai Demokrat Susilo Bambang Yudhoyono</c>.</remarks>
    private static int CapitalisedRunEnd(IReadOnlyList<string> tokens, int[] tags, int start)
    {
        var end = start;
        while (end < tokens.Count && BioTags.TypeOrNone(tags[end]) != "PER")
        {
            if (IsCapitalised(tokens[end]))
            {
                end++;
                continue;
            }
            if (end > start && NameConnectors.Contains(tokens[end]) && end + 1 < tokens.Count && IsCapitalised(tokens[end + 1]))
            {
                end += 2;
                continue;
            }
            break;
        }
        return end;
    }

    private static void Retag(int[] tags, int start, int end, int begin)
    {
        tags[start] = begin;
        for (var k = start + 1; k < end; k++) tags[k] = begin + 1;
        // An entity the span cut into must not continue as a dangling I- tag.
        if (end < tags.Length && BioTags.IsInside(tags[end])) tags[end] = tags[end] - 1;
    }

    /// <summary>A word starting with a capital letter (acronyms included), not a single letter.</summary>
    private static bool IsCapitalised(string token) => token.Length > 1 && char.IsUpper(token[0]);

    /// <summary>Title-case or all-caps lines (headlines) capitalise every word, so capitalisation says nothing there.</summary>
    private static bool IsHeadlineCase(IReadOnlyList<string> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Length < 4 || !char.IsLetter(token[0])) continue;
            words++;
            if (char.IsUpper(token[0])) capitalised++;
        }
        return words >= 4 && capitalised * 10 >= words * 8;
    }
}
