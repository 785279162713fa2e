namespace MeetStream.Client.Keywords;

/// <summary>
/// Where a keyword matched in a text given to <see cref="KeywordSpotter.FindAll(string)"/>: the keyword and the
/// span of the text it matched, from the first letter of its first word to the last letter of its last word.
/// </summary>
/// <param name="Keyword">The keyword that matched.</param>
/// <param name="Start">The index in the text of the match's first character.</param>
/// <param name="Length">The number of characters matched (plural endings included).</param>
public readonly record struct KeywordMatch(KeywordDefinition Keyword, int Start, int Length)
{
    /// <summary>Gets the index just after the match's last character.</summary>
    public int End => Start + Length;
}
