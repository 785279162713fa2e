using MeetStream.Client;
using MeetStream.Client.Lambda;
using MeetStream.Client.Realtime;

// Outside the MeetStream.Client namespaces on purpose: like an application's code, type names here are resolved only
// through the using directives above, so two public types with one name would be error CS0104 and this file would not compile.
namespace ApplicationImportingEveryNamespace;

public sealed class NamespaceImportTests
{
    [Fact]
    public void Using_RealtimeAndLambdaNamespacesTogether_BotSessionAndBotSessionRecordAreDistinctTypes()
    {
        Assert.Equal("MeetStream.Client.Realtime", typeof(BotSession).Namespace);
        Assert.Equal("MeetStream.Client.Lambda", typeof(BotSessionRecord).Namespace);
        Assert.Equal("MeetStream.Client", typeof(BotLifecycle).Namespace);
        Assert.Equal(typeof(BotStatus).Assembly, typeof(BotLifecycleStage).Assembly);
    }
}
