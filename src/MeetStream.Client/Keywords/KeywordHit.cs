using System.Globalization;

namespace MeetStream.Client.Keywords;

/// <summary>
/// A keyword heard in a meeting, from a post-call transcript (<see cref="KeywordSpotter.Spot"/>) or a live transcript
/// chunk (<see cref="LiveKeywordSpotter.Process"/>): what matched, who said it, when, and the words around it.
/// </summary>
public sealed class KeywordHit
{
    /// <summary>Gets the keyword that matched.</summary>
    public required KeywordDefinition Keyword { get; init; }

    /// <summary>Gets the keyword's category (<see cref="KeywordDefinition.Category"/>).</summary>
    public string? Category => Keyword.Category;

    /// <summary>Gets the text as spoken (original case, accents and plural ending), e.g. <c>Prices</c>.</summary>
    public required string MatchedText { get; init; }

    /// <summary>Gets the speaker's name, when known.</summary>
    public string? Speaker { get; init; }

    /// <summary>Gets the bot whose meeting it was heard in, when known.</summary>
    public string? BotId { get; init; }

    /// <summary>Gets the wall-clock time the keyword was said, when known.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the time from the start of the recording to the keyword, when word or turn timings are known.</summary>
    public TimeSpan? Offset { get; init; }

    /// <summary>Gets the surrounding words (<see cref="KeywordSpotterOptions.ContextWords"/> each side), on one line.</summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>Gets the bot's <c>custom_attributes</c>, when known.</summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Gets whether the hit came from a live transcript chunk (rather than a post-call transcript).</summary>
    public bool IsLive { get; init; }

    /// <summary>Describes the hit as <c>[category] "text" by Speaker at mm:ss: …context…</c>.</summary>
    /// <returns>One line of text.</returns>
    public override string ToString()
    {
        var category = Category is null ? string.Empty : $"[{Category}] ";
        var speaker = Speaker is null ? string.Empty : $" by {Speaker}";
        var at = Offset is { } o ? string.Create(CultureInfo.InvariantCulture, $" at {(int)o.TotalMinutes:00}:{o.Seconds:00}") : string.Empty;
        return $"{category}\"{MatchedText}\"{speaker}{at}: {Context}";
    }
}
