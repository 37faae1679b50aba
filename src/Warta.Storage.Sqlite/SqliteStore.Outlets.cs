using Microsoft.Data.Sqlite;
using Warta.Core.Extraction;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Every outlet name-domain pairing stored so far, in name then domain order.</summary>
    public IReadOnlyList<OutletPairing> ReadOutletPairings()
    {
        using var command = Command("SELECT name, domain FROM outlet_pairings ORDER BY name, domain");
        using var reader = command.ExecuteReader();
        var pairings = new List<OutletPairing>();
        while (reader.Read()) pairings.Add(new OutletPairing(reader.GetString(0), reader.GetString(1)));
        return pairings;
    }

    /// <summary>Adds pairings inside the batch's transaction; one already stored is left as it is.</summary>
    private void WriteOutletPairings(IReadOnlyList<OutletPairing> pairings, SqliteTransaction transaction)
    {
        if (pairings.Count == 0) return;
        using var insert = Command("INSERT OR IGNORE INTO outlet_pairings (name, domain) VALUES ($name, $domain)", transaction);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var domain = insert.Parameters.Add("$domain", SqliteType.Text);
        foreach (var pairing in pairings)
        {
            name.Value = pairing.Name;
            domain.Value = pairing.Domain;
            insert.ExecuteNonQuery();
        }
    }
}
