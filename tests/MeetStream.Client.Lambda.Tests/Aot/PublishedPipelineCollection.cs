namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>The tests that run the published pipeline: one publish per test run, never in parallel with each other.</summary>
[CollectionDefinition(nameof(PublishedPipelineCollection), DisableParallelization = true)]
public sealed class PublishedPipelineCollection : ICollectionFixture<PublishedPipeline>;
