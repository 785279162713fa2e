namespace MeetStream.Client.Keywords;

/// <summary>
/// One keyword or phrase a <see cref="KeywordSpotter"/> looks for, with an optional category (such as
/// <c>pricing</c> or <c>competitor</c>) carried into every hit. The phrase is checked when the spotter is built: an
/// empty phrase, or one that repeats another once case, accents and punctuation are ignored, is rejected there.
/// </summary>
public sealed class KeywordDefinition
{
    /// <summary>Initializes a keyword.</summary>
    /// <param name="phrase">The word or phrase, e.g. <c>pricing</c> or <c>price increase</c>.</param>
    /// <param name="category">A label carried into each hit, e.g. <c>pricing</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phrase"/> is <see langword="null"/>.</exception>
    public KeywordDefinition(string phrase, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        Phrase = phrase;
        Category = category;
    }

    /// <summary>Gets the word or phrase as given.</summary>
    public string Phrase { get; }

    /// <summary>Gets the label carried into each hit, if any.</summary>
    public string? Category { get; }

    /// <summary>
    /// Gets whether simple plural and possessive forms of the last word also match (<c>price</c>: <c>prices</c>,
    /// <c>price's</c>); <see langword="null"/> uses <see cref="KeywordSpotterOptions.MatchPlurals"/>.
    /// </summary>
    public bool? MatchPlurals { get; init; }

    /// <summary>Gets an identifier of your own for the keyword (e.g. a database key), carried along unchanged.</summary>
    public string? Id { get; init; }

    /// <summary>Describes the keyword as <c>phrase</c> or <c>phrase (category)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Category is null ? Phrase : $"{Phrase} ({Category})";
}
