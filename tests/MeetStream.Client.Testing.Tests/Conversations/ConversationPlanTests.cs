namespace MeetStream.Client.Testing.Tests.Conversations;

/// <summary>
/// How the simulator places lines on the recording: equal slots by default (the timings every other test relies on),
/// slots proportional to <see cref="SimulatorUtterance.Weight"/>, and <see cref="SimulatorUtterance.Overlap"/> for an
/// interruption, also heard in the live audio as a mix under the interrupter's name.
/// </summary>
public sealed class ConversationPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Plan_DefaultConversation_EqualSlotsAtTheSameTimesAsBefore()
    {
        var plan = ConversationPlan.Plan(MeetStreamSimulatorOptions.DefaultConversation, TimeSpan.FromSeconds(60));

        // 60 s / 5 lines = 12 s slots, each line 0.5 s into its slot, 0.4 s per word (hand-computed).
        Assert.Equal([0.5, 12.5, 24.5, 36.5, 48.5], plan.Select(u => u.Start));
        Assert.Equal(4.46, plan[0].End, 3); // 10 words: 0.5 + 9 × 0.4 + 0.36
        Assert.All(plan, u => Assert.Equal(0.4, u.Words[1].Start - u.Words[0].Start, 3));
    }

    [Fact]
    public void Plan_WeightThree_SlotThreeTimesAsLong()
    {
        SimulatorUtterance[] lines =
        [
            new("A", "one two three four five six seven eight nine ten"),
            new("B", string.Join(' ', Enumerable.Repeat("word", 30))) { Weight = 3 },
            new("A", "the end"),
        ];

        var plan = ConversationPlan.Plan(lines, TimeSpan.FromSeconds(10));

        // Minimum 2 s per unit of weight: 5 units → 10 s, unit 2 s; slots 2 s, 6 s, 2 s.
        Assert.Equal(0.5, plan[0].Start, 3);
        Assert.Equal(2.5, plan[1].Start, 3);  // 2 s + min(0.5, 6 / 4)
        Assert.Equal(8.5, plan[2].Start, 3);  // 8 s + 0.5
        Assert.Equal(0.16, plan[0].Words[1].Start - plan[0].Words[0].Start, 3); // 2 × 0.8 / 10 words
        Assert.Equal(0.16, plan[1].Words[1].Start - plan[1].Words[0].Start, 3); // 6 × 0.8 / 30 words: the same pace
    }

    [Fact]
    public void Plan_Overlap_StartsThatLongBeforeThePreviousLineEndsAndLeavesTheNextSlot()
    {
        SimulatorUtterance[] plain = [new("A", "one two three four five six"), new("B", "wait a second"), new("A", "sure")];
        SimulatorUtterance[] interrupted = [plain[0], plain[1] with { Overlap = TimeSpan.FromSeconds(1) }, plain[2]];

        var before = ConversationPlan.Plan(plain, TimeSpan.FromSeconds(30));
        var after = ConversationPlan.Plan(interrupted, TimeSpan.FromSeconds(30));

        Assert.Equal((before[0].Start, before[0].End), (after[0].Start, after[0].End));
        Assert.Equal(Math.Round(after[0].End - 1, 3), after[1].Start, 3);
        Assert.True(after[1].Start < after[0].End);
        Assert.Equal(before[2].Start, after[2].Start);
        Assert.True(after[1].End < after[2].Start);
    }

    [Fact]
    public void Plan_OverlapLongerThanThePreviousLine_StartsWithIt()
    {
        SimulatorUtterance[] lines = [new("A", "hi"), new("B", "hello there") { Overlap = TimeSpan.FromSeconds(50) }];

        var plan = ConversationPlan.Plan(lines, TimeSpan.FromSeconds(20));

        Assert.Equal(plan[0].Start, plan[1].Start);
    }

    [Fact]
    public void Fill_DuringAnOverlap_MixesBothVoicesUnderTheInterrupter()
    {
        SimulatorUtterance[] lines = [new("A", "one two three four five six seven eight"), new("B", "wait wait wait") { Overlap = TimeSpan.FromSeconds(1.5) }];
        var plan = ConversationPlan.Plan(lines, TimeSpan.FromSeconds(20));
        var mixed = new short[SimulatedSpeech.FrameSamples];
        var first = new short[SimulatedSpeech.FrameSamples];
        var second = new short[SimulatedSpeech.FrameSamples];

        var both = 0;
        for (var frame = (long)Math.Ceiling(plan[1].Start / 0.02); frame * 0.02 < plan[1].End; frame++)
        {
            var speaker = SimulatedSpeech.Fill(mixed, frame, plan);
            SimulatedSpeech.Fill(first, frame, [plan[0]]);
            SimulatedSpeech.Fill(second, frame, [plan[1]]);

            Assert.Equal("B", speaker?.Speaker);
            for (var i = 0; i < mixed.Length; i++)
            {
                Assert.InRange(mixed[i] - (first[i] + second[i]), -1, 1); // the sum of the two voices (each rounded on its own)
            }

            both += first.Any(s => s != 0) && second.Any(s => s != 0) ? 1 : 0;
        }

        Assert.True(both > 10, $"only {both} frames carried both voices");
    }

    [Fact]
    public void Fill_NoOverlap_OneVoiceAsBefore()
    {
        var plan = ConversationPlan.Plan(MeetStreamSimulatorOptions.DefaultConversation, TimeSpan.FromSeconds(60));
        var frame = new short[SimulatedSpeech.FrameSamples];

        var speaker = SimulatedSpeech.Fill(frame, (long)((plan[1].Start + 0.05) / 0.02), plan);

        Assert.Equal("Bob Example", speaker?.Speaker);
        Assert.Contains(frame, s => s != 0);
        Assert.Null(SimulatedSpeech.Fill(frame, (long)((plan[1].End + 0.5) / 0.02), plan));
        Assert.All(frame, s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(double.NaN)]
    public async Task StartAsync_WeightOutOfRange_ThrowsNamingTheSpeaker(double weight)
    {
        var options = new MeetStreamSimulatorOptions { Conversation = [new("Alice", "Hello."), new("Bob", "Hi.") { Weight = weight }] };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MeetStreamSimulator.StartAsync(options, Ct));

        Assert.Equal("Conversation", error.ParamName);
        Assert.Contains("SimulatorUtterance.Weight must be above 0 and at most 1000 (the line of Bob", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(61)]
    public async Task StartAsync_OverlapOutOfRange_Throws(double seconds)
    {
        var options = new MeetStreamSimulatorOptions { Conversation = [new("Alice", "Hello."), new("Bob", "Hi.") { Overlap = TimeSpan.FromSeconds(seconds) }] };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MeetStreamSimulator.StartAsync(options, Ct));

        Assert.Contains("SimulatorUtterance.Overlap must be above 0 and at most 1 minute (the line of Bob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OverlapOnTheFirstTimelineLine_Throws()
    {
        var options = new MeetStreamSimulatorOptions
        {
            Conversation =
            [
                new("Bob", "Wait!") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(1) },
                new("Alice", "Hello.") { Overlap = TimeSpan.FromSeconds(1) },
            ],
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MeetStreamSimulator.StartAsync(options, Ct));

        Assert.Contains("not allowed on the first line of the timeline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OverlapOnABargeInLine_Throws()
    {
        var options = new MeetStreamSimulatorOptions
        {
            Conversation =
            [
                new("Alice", "Hello."),
                new("Bob", "Wait!") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(1), Overlap = TimeSpan.FromSeconds(1) },
            ],
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MeetStreamSimulator.StartAsync(options, Ct));

        Assert.Contains("cannot be combined with AfterBotStartsSpeaking (the line of Bob)", error.Message, StringComparison.Ordinal);
    }
}
