namespace Warta.Testing;

/// <summary>Damages an SQLite store the way a bad disk would, for tests of what Warta does with a corrupt file.</summary>
public static class StoreDamage
{
    /// <summary>Overwrites the header of <paramref name="table"/>'s root page, after folding the WAL into the file, so every read of the table meets the damage.</summary>
    /// <remarks>The root page of a table that spans several pages is an interior page in the middle of the file; 4096 is SQLite's default page size.</remarks>
    public static void Overwrite(string path, string table)
    {
        long root;
        using (var connection = RawSqlite.Connect(path))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); SELECT rootpage FROM sqlite_schema WHERE name = $table";
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            reader.NextResult();
            reader.Read();
            root = reader.GetInt64(0);
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = (root - 1) * 4096;
        file.Write(Enumerable.Repeat((byte)0xff, 64).ToArray());
    }
}
