namespace Warta.Core.Entities;

/// <summary>The seven BIO tags the tagger predicts and the transitions BIO allows between them.</summary>
internal static class BioTags
{
    public const int Count = 7;

    /// <summary>Pseudo-tag before the first token; row index into transition weights.</summary>
    public const int Start = Count;

    public const int Outside = 0;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];

    /// <summary>allowed[prev * Count + tag]; prev may be <see cref="Start"/>. An I-X only follows B-X or I-X.</summary>
    public static readonly bool[] Allowed = BuildAllowed();

    public static string Name(int tag) => Names[tag];

    public static int Index(string label)
    {
        var index = Array.IndexOf(Names, label);
        return index < 0 ? Outside : index;
    }

    public static bool IsInside(int tag) => tag != Outside && tag % 2 == 0;

    /// <summary>Type code (PER, LOC, ORG) of a non-O tag.</summary>
    public static string TypeOf(int tag) => Names[tag][2..];

    /// <summary>Type code of a tag, or an empty string for O.</summary>
    public static string TypeOrNone(int tag) => tag == Outside ? "" : TypeOf(tag);

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(Count + 1) * Count];
        for (var prev = 0; prev <= Count; prev++)
        {
            for (var tag = 0; tag < Count; tag++)
            {
                // I-X (even, non-zero) is allowed only after B-X (tag-1) or I-X (tag).
                allowed[prev * Count + tag] = !IsInside(tag) || prev == tag || prev == tag - 1;
            }
        }
        return allowed;
    }
}
