using Warta.Core.Entities;
using Warta.Core.Model;

namespace Warta.Core.Search;

/// <summary>The entity linker's alias table as search needs it: a word or phrase naming an entity (<c>Korut</c>) also finds its other names (<c>Korea Utara</c>).</summary>
/// <remarks>Expansion happens at query time, so the index stores the text as written and a new alias reaches old articles
/// without reindexing. The table is the one <see cref="EntityLinker"/> links mentions with, so search and linking agree.</remarks>
public static class EntityAliasExpansion
{
    /// <summary>The query with every term that names a known entity replaced by a group of all that entity's names (as phrases).</summary>
    public static SearchQuery Expand(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with
        {
            Required = [.. query.Required.Select(static g => new SearchAlternatives([.. g.Terms.SelectMany(ExpandTerm).Distinct()]))],
            Excluded = [.. query.Excluded.SelectMany(ExpandTerm).Distinct()],
        };
    }

    /// <summary>The term and the other names of the entity it names; just the term when it names none.</summary>
    public static IEnumerable<SearchTerm> ExpandTerm(SearchTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        yield return term;
        var normal = EntityLinker.Normalise(term.Text);
        foreach (var (_, names) in EntityAliases.RowsNaming(normal))
        {
            foreach (var name in names)
            {
                if (EntityLinker.Normalise(name) != normal) yield return new SearchTerm(name, IsPhrase: name.Contains(' ', StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The entity ids an <c>entity:</c> filter value stands for: an id as given (<c>place:korea utara</c>), the
    /// canonical entity of an alias (<c>Korut</c>), else the name as a person, place or organisation.</summary>
    public static IReadOnlyList<string> EntityIds(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && value[..colon] is "person" or "place" or "organisation")
        {
            return [value[..(colon + 1)] + EntityLinker.Normalise(value[(colon + 1)..])];
        }
        var normal = EntityLinker.Normalise(value);
        var rows = EntityAliases.RowsNaming(normal).ToList();
        if (rows.Count > 0) return [.. rows.Select(static r => EntityLinker.IdOf(r.Type, EntityLinker.Normalise(r.Names[0]))).Distinct()];
        return [.. ((EntityType[])[EntityType.Person, EntityType.Place, EntityType.Organisation]).Select(t => EntityLinker.IdOf(t, normal))];
    }
}
