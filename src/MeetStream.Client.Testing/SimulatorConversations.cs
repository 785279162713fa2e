namespace MeetStream.Client.Testing;

/// <summary>
/// Ready-made conversations for <see cref="MeetStreamSimulatorOptions.Conversation"/>: the default product sync and a
/// scripted sales demo (a pricing question, a competitor mention, one long monologue by the seller and one
/// interruption), for tests and offline samples of keyword alerts and talk-time analytics.
/// </summary>
public static class SimulatorConversations
{
    /// <summary>The seller in <see cref="SalesDemo"/> (an account executive; the long monologue is theirs).</summary>
    public const string SalesDemoSeller = "Sam Rivera";

    /// <summary>The buying prospect in <see cref="SalesDemo"/> (asks about pricing, names a competitor).</summary>
    public const string SalesDemoProspect = "Dana Whitfield";

    /// <summary>The second prospect in <see cref="SalesDemo"/> (IT; interrupts the seller once).</summary>
    public const string SalesDemoSecondProspect = "Lee Chen";

    /// <summary>The competitor <see cref="SalesDemoProspect"/> names once in <see cref="SalesDemo"/>.</summary>
    public const string SalesDemoCompetitor = "Acme Notes";

    /// <summary>The default conversation: a short product sync between two people (every line an equal slot).</summary>
    public static IReadOnlyList<SimulatorUtterance> ProductSync => MeetStreamSimulatorOptions.DefaultConversation;

    /// <summary>
    /// A sales demo between <see cref="SalesDemoSeller"/> and two prospects, twelve lines: the prospect says
    /// "We're also evaluating Acme Notes" (the only competitor mention) and asks "What does the enterprise pricing
    /// look like for about two hundred seats?" (the only time "pricing" is said); the seller's fourth line is one long
    /// monologue (about a hundred words, several times longer than any other turn); and
    /// <see cref="SalesDemoSecondProspect"/> talks over the end of the seller's answer on price
    /// (<see cref="SimulatorUtterance.Overlap"/> 1.5 s). Each line's <see cref="SimulatorUtterance.Weight"/> is its
    /// word count divided by ten, so every line is spoken at the same pace; at <see cref="SalesDemoMeetingDuration"/>
    /// or longer that pace is 150 words per minute.
    /// </summary>
    public static IReadOnlyList<SimulatorUtterance> SalesDemo { get; } =
    [
        Line(SalesDemoSeller, "Thanks for making the time today, Dana and Lee. Before I show anything, what made you start looking at meeting assistants?"),
        Line(SalesDemoProspect, "Our sales team spends hours writing call notes by hand, and half of them never make it into the CRM."),
        Line(SalesDemoSecondProspect, "And from the IT side, we need single sign-on and clear data retention controls before anything goes live."),
        Line(
            SalesDemoSeller,
            "That is exactly the problem we built this for, so let me walk you through how it works from end to end. "
            + "Our assistant joins every scheduled call straight from your calendar, records it with everyone's consent, and produces a speaker-labelled transcript within minutes of the call ending. "
            + "From that transcript it drafts a summary, pulls out the action items, and pushes all of it to the right opportunity in your CRM, so your reps never type notes again. "
            + "Managers get talk-time analytics and live alerts on the topics they care about, and your IT team gets single sign-on, configurable retention and regional storage out of the box."),
        Line(SalesDemoProspect, "We're also evaluating Acme Notes. How is your product different?"),
        Line(SalesDemoSeller, "Note-only tools stop at the transcript; we add coaching, live alerts and the CRM sync in one place."),
        Line(SalesDemoProspect, "That helps. What does the enterprise pricing look like for about two hundred seats?"),
        Line(SalesDemoSeller, "Enterprise is billed per seat per year, with volume discounts above one hundred seats and onboarding included."),
        Line(SalesDemoSecondProspect, "Sorry to jump in, does that include the single sign-on setup?") with { Overlap = TimeSpan.FromSeconds(1.5) },
        Line(SalesDemoSeller, "Yes, single sign-on and retention controls come with every enterprise plan."),
        Line(SalesDemoProspect, "Great. Let's start a pilot with two of our sales teams next week."),
        Line(SalesDemoSeller, "Perfect, I'll send the pilot plan and a written quote today. Thanks, both of you."),
    ];

    /// <summary>
    /// The meeting length at which <see cref="SalesDemo"/> is spoken at 150 words per minute with short pauses between
    /// turns (about two and a quarter minutes); set it as <see cref="SimulatorTimings.MeetingDuration"/> or the
    /// <see cref="SimulatorScenarios.MeetingSecondsAttribute"/> of a bot. Shorter meetings speak the lines faster.
    /// </summary>
    public static TimeSpan SalesDemoMeetingDuration { get; } = TimeSpan.FromSeconds(Math.Ceiling(SalesDemo.Sum(u => u.Weight) * 5));

    private static SimulatorUtterance Line(string speaker, string text) =>
        new(speaker, text) { Weight = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length / 10.0 };
}
