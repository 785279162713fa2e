using MeetStream.Client.Keywords;

namespace SalesCoach;

/// <summary>The topics a sales manager wants to hear about as they happen, one category each.</summary>
internal static class SalesKeywords
{
    public const string Pricing = "pricing";

    public const string Competitor = "competitor";

    public const string NextStep = "next step";

    /// <summary>
    /// The keyword list: a real team would load thousands from a CRM (product names, competitors, objections); the
    /// spotter matches them all in one pass, case- and accent-insensitively, on word boundaries, plurals included.
    /// </summary>
    public static IReadOnlyList<KeywordDefinition> All { get; } =
    [
        new("pricing", Pricing),
        new("price", Pricing),
        new("budget", Pricing),
        new("how much", Pricing),
        new("Acme Notes", Competitor),
        new("Notely", Competitor),
        new("MinuteMate", Competitor),
        new("pilot", NextStep),
        new("proof of concept", NextStep),
        new("contract", NextStep),
    ];
}
