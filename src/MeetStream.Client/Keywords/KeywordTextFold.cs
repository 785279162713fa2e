using System.Globalization;

namespace MeetStream.Client.Keywords;

/// <summary>
/// The character fold table keyword matching uses, computed once: every UTF-16 unit maps to a lower-case letter
/// without accents (<c>É</c> → <c>e</c>), to <see cref="Separator"/> (spaces and punctuation), or to
/// <see cref="Skip"/> (combining accents, ignored). Matching looks characters up here and allocates nothing.
/// </summary>
internal static class KeywordTextFold
{
    /// <summary>What separators (whitespace, punctuation) fold to.</summary>
    public const char Separator = ' ';

    /// <summary>What ignored characters (combining marks, format characters) fold to.</summary>
    public const char Skip = '\0';

    /// <summary>What an apostrophe inside a word (<c>price's</c>, <c>don’t</c>) folds to.</summary>
    public const char Apostrophe = '\'';

    private static readonly char[] Table = Build();

    /// <summary>Folds one character.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The folded character, <see cref="Separator"/> or <see cref="Skip"/>.</returns>
    public static char Fold(char c) => Table[c];

    /// <summary>Gets whether <paramref name="c"/> is an apostrophe (straight, typographic or modifier letter).</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for <c>'</c>, <c>’</c>, <c>ʼ</c>.</returns>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>
    /// Folds the character at <paramref name="index"/> of <paramref name="text"/>, deciding apostrophes by their
    /// neighbours: between two word characters it is part of the word, otherwise a separator.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="index">The position.</param>
    /// <returns>The folded character.</returns>
    public static char FoldAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (!IsApostrophe(c))
        {
            return Table[c];
        }

        return index > 0 && index + 1 < text.Length && IsWord(Table[text[index - 1]]) && IsWord(Table[text[index + 1]])
            ? Apostrophe
            : Separator;
    }

    /// <summary>Gets whether a folded character is part of a word.</summary>
    /// <param name="folded">A value from <see cref="Fold"/>.</param>
    /// <returns><see langword="true"/> unless it is <see cref="Separator"/> or <see cref="Skip"/>.</returns>
    public static bool IsWord(char folded) => folded is not (Separator or Skip);

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = c;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                table[i] = Skip;
                continue;
            }

            if (!char.IsLetterOrDigit(c) && category != UnicodeCategory.SpacingCombiningMark)
            {
                table[i] = Separator;
                continue;
            }

            table[i] = char.ToLowerInvariant(StripAccent(c));
        }

        return table;
    }

    private static char StripAccent(char c)
    {
        switch (c)
        {
            case 'ø' or 'Ø':
                return 'o';
            case 'ł' or 'Ł':
                return 'l';
            case 'đ' or 'Đ':
                return 'd';
            case 'ı':
                return 'i';
        }

        return c < '\u00C0' ? c : KeywordAccentFolds.BaseOf(c);
    }
}
