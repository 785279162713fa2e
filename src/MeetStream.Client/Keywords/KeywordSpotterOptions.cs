namespace MeetStream.Client.Keywords;

/// <summary>Settings of a <see cref="KeywordSpotter"/> and of the live spotters it creates.</summary>
public sealed class KeywordSpotterOptions
{
    /// <summary>
    /// Gets or sets whether simple plural and possessive forms of a phrase's last word match too (<c>price</c> →
    /// <c>prices</c>, <c>price's</c>; <c>company</c> → <c>companies</c>; <c>box</c> → <c>boxes</c>). A keyword's own
    /// <see cref="KeywordDefinition.MatchPlurals"/> wins. Default <see langword="true"/>.
    /// </summary>
    public bool MatchPlurals { get; set; } = true;

    /// <summary>Gets or sets how many words on each side of a hit go into <see cref="KeywordHit.Context"/>. Default 6.</summary>
    public int ContextWords { get; set; } = 6;

    /// <summary>
    /// Gets or sets whether live chunks spoken by the bot itself (speaker equal to <see cref="BotName"/>, ignoring case)
    /// are skipped. Default <see langword="true"/>; has no effect while <see cref="BotName"/> is <see langword="null"/>.
    /// </summary>
    public bool IgnoreBotSpeech { get; set; } = true;

    /// <summary>Gets or sets the bot's display name in the meeting (the <c>bot_name</c> it was created with).</summary>
    public string? BotName { get; set; }

    /// <summary>
    /// Gets or sets how many (bot, speaker) streams a <see cref="LiveKeywordSpotter"/> keeps state for; beyond it the
    /// least recently used stream is dropped. Default 10,000.
    /// </summary>
    public int MaxLiveStreams { get; set; } = 10_000;
}
