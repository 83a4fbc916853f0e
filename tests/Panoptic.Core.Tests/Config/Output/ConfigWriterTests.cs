using FluentAssertions;
using Panoptic.Core.Config.Output;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Config.Output;

public sealed class ConfigWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_written_config_loads_back_to_the_same_values()
    {
        var path = _dir.Write("a.yaml", "sample:\n  schedule:\n    name: Sampler\n    norm: \"GN\"\n    inner: {grid: [[1, 2], [3]]}\n    root: \"x: y\"\nsolver:\n  steps: [10, 20]\n  max_iter: 30\n");
        var first = SampleCatalog.Bind(path);

        var written = ConfigWriter.Write(first.Tree, provenance: false);
        var second = SampleCatalog.Bind(_dir.Write("b.yaml", written));

        ConfigWriter.Write(second.Tree, provenance: false).Should().Be(written);
        second.Section<SampleSection>().Should().BeEquivalentTo(first.Section<SampleSection>());
        written.Should().Contain("  steps: [10, 20]\n");
    }

    [Fact]
    public void Provenance_comments_name_file_line_override_or_default()
    {
        var path = _dir.Write("a.yaml", "solver:\n  steps: [10, 20]\n  max_iter: 30\n");

        var text = ConfigWriter.Write(SampleCatalog.Bind(path, "solver.steps.1=25").Tree, provenance: true);

        text.Should().MatchRegex(@"  max_iter: 30 +# .*a\.yaml:3:13\n");
        text.Should().MatchRegex(@"    - 10 +# .*a\.yaml:2:11\n");
        text.Should().MatchRegex(@"    - 25 +# command line 'solver\.steps\.1=25'\n");
        text.Should().MatchRegex(@"  momentum: 0\.9 +# default of SolverSection\n");
    }
}
