using System.Globalization;
using System.Text;
using MeetStream.Client.Keywords;

namespace MeetStream.Client.Tests.Keywords;

/// <summary>
/// The generated accent table (tools/gen-accent-folds.py) the spotter folds with instead of string.Normalize, which
/// does nothing for non-ASCII text under InvariantGlobalization (Native AOT, Lambda).
/// </summary>
public sealed class KeywordAccentFoldsTests
{
    [Fact]
    public void BaseOf_EveryTableEntry_AgreesWithTheRuntimesCanonicalDecomposition()
    {
        // This test process runs with ICU, so Normalize(FormD) is the reference: each accented letter of the table
        // decomposes to its base letter followed only by non-spacing marks.
        var checkedLetters = 0;
        for (var i = 0xC0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var folded = KeywordAccentFolds.BaseOf(c);
            if (folded == c)
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            Assert.True(decomposed.Length >= 2 && decomposed[0] == folded, $"U+{i:X4} folds to U+{(int)folded:X4}, but decomposes to {string.Join(" ", decomposed.Select(d => $"U+{(int)d:X4}"))}");
            Assert.All(decomposed.Skip(1), m => Assert.Equal(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(m)));
            checkedLetters++;
        }

        Assert.Equal(KeywordAccentFolds.Count, checkedLetters);
    }

    [Theory]
    [InlineData('É', 'E')]
    [InlineData('ñ', 'n')]
    [InlineData('ü', 'u')]
    [InlineData('ő', 'o')]
    [InlineData('ș', 's')]
    [InlineData('ế', 'e')]
    [InlineData('ά', 'α')]
    [InlineData('й', 'и')]
    [InlineData('e', 'e')]
    [InlineData('ß', 'ß')]
    public void BaseOf_Letter_ReturnsItsBaseLetterOrItself(char letter, char expected) =>
        Assert.Equal(expected, KeywordAccentFolds.BaseOf(letter));

    [Fact]
    public void FindAll_AccentedKeywordAndText_MatchWithoutDependingOnNormalize()
    {
        var spotter = new KeywordSpotter([new KeywordDefinition("Société Générale")]);

        Assert.Single(spotter.FindAll("we spoke to SOCIETE generale today"));
        Assert.Single(spotter.FindAll("we spoke to société générale today"));
    }
}
