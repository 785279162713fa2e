using System.Text;
using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Tests.Realtime.Dsp;

public sealed class BotSpeakerFilterTests
{
    [Theory]
    [InlineData("Notetaker")]
    [InlineData("notetaker")]
    [InlineData("NOTETAKER")]
    [InlineData("  Notetaker ")]
    [InlineData("\tNotetaker\n")]
    [InlineData("\u00A0Notetaker\u00A0")]
    public void IsBot_BotNameInAnyCaseOrPadding_ReturnsTrue(string speakerName)
    {
        var filter = new BotSpeakerFilter("Notetaker");

        Assert.True(filter.IsBot(speakerName));
        Assert.True(filter.IsBot(Encoding.UTF8.GetBytes(speakerName)));
        Assert.False(filter.ShouldKeep(speakerName));
    }

    [Theory]
    [InlineData("Jane Doe")]
    [InlineData("NoSpeaker")]
    [InlineData("Notetaker Bot")]
    [InlineData("Note taker")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void IsBot_OtherNames_ReturnsFalse(string? speakerName)
    {
        var filter = new BotSpeakerFilter("Notetaker");

        Assert.False(filter.IsBot(speakerName));
        Assert.False(filter.IsBot(Encoding.UTF8.GetBytes(speakerName ?? string.Empty)));
        Assert.True(filter.ShouldKeep(speakerName));
    }

    [Fact]
    public void IsBot_AdditionalNames_MatchToo()
    {
        var filter = new BotSpeakerFilter("Notetaker", "Sales Assistant", " Notetaker (Bot) ");

        Assert.True(filter.IsBot("sales assistant"));
        Assert.True(filter.IsBot("Notetaker (bot)"));
        Assert.False(filter.IsBot("Sales"));
        Assert.Equal(["Notetaker", "Sales Assistant", "Notetaker (Bot)"], filter.Names);
    }

    [Fact]
    public void IsBot_ConfiguredNameWithPadding_IsTrimmed()
    {
        var filter = new BotSpeakerFilter("  My Bot  ");

        Assert.True(filter.IsBot("My Bot"));
        Assert.Equal("My Bot", filter.Names[0]);
    }

    [Fact]
    public void IsBot_NonAsciiUtf8Name_MatchesIgnoringCase()
    {
        var filter = new BotSpeakerFilter("Zoë Ässistent");

        Assert.True(filter.IsBot("ZOË ÄSSISTENT"u8));
        Assert.False(filter.IsBot("Zoe Assistent"u8));
    }

    [Fact]
    public void IsBot_InvalidUtf8_ReturnsFalse()
    {
        var filter = new BotSpeakerFilter("Bot");

        Assert.False(filter.IsBot(new byte[] { 0x42, 0x6F, 0xFF, 0x74 }));
    }

    [Fact]
    public void IsBot_Utf8NameLongerThanTheStackBuffer_StillMatches()
    {
        string longName = new('x', 600);
        var filter = new BotSpeakerFilter(longName);

        Assert.True(filter.IsBot(Encoding.UTF8.GetBytes(" " + longName.ToUpperInvariant() + " ")));
        Assert.False(filter.IsBot(Encoding.UTF8.GetBytes(longName + "y")));
    }

    [Fact]
    public void Constructor_NullBotName_ThrowsArgumentNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new BotSpeakerFilter(null!));

        Assert.Equal("botName", exception.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankBotName_ThrowsArgumentException(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => new BotSpeakerFilter(name));

        Assert.Equal("botName", exception.ParamName);
        Assert.Contains("must not be empty or white space", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullAdditionalName_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BotSpeakerFilter("Bot", "Other", null!));

        Assert.Equal("additionalNames", exception.ParamName);
    }

    [Fact]
    public void IsBot_Utf8AndString_AllocateNothing()
    {
        var filter = new BotSpeakerFilter("MeetStream Notetaker", "Notetaker (bot)");
        byte[] name = Encoding.UTF8.GetBytes("  meetstream notetaker ");
        filter.IsBot(name);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool all = true;
        for (int i = 0; i < 100; i++)
        {
            all &= filter.IsBot(name) && filter.IsBot("Notetaker (BOT)");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(all);
    }
}
