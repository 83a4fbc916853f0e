using FluentAssertions;
using Panoptic.Core.Engine.Optimization;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch.NN;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

using Torch = Panoptic.Torch.Torch;

[Collection(NonParallelCollection.Name)]
public sealed class ParamGroupTests
{
    [Fact]
    public void Norms_and_biases_get_their_own_decay_and_learning_rate_as_detectron2_groups_them()
    {
        using var model = new TinyNet();
        var solver = TinyRuns.Solver() with { BaseLr = 0.05, WeightDecay = 0.01, WeightDecayNorm = 0, WeightDecayBias = 0, BiasLrFactor = 2 };

        var groups = DefaultParamGroups.Build(model, solver);

        groups.Select(g => (g.Name, g.LearningRate, g.WeightDecay)).Should().Equal(
            ("default", 0.05, 0.01), ("bias+norm_bias", 0.1, 0.0), ("norm", 0.05, 0.0));
        Names(model, groups[0]).Should().Equal("hidden.weight", "output.weight");
        Names(model, groups[1]).Should().Equal("hidden.bias", "norm.bias", "output.bias");
        Names(model, groups[2]).Should().Equal("norm.weight");
    }

    [Fact]
    public void Equal_settings_share_one_group_and_frozen_parameters_are_left_out()
    {
        using var model = new TinyNet();
        model.Norm.RequiresGrad_(false);
        var solver = TinyRuns.Solver() with { WeightDecay = 0.01, WeightDecayNorm = 0.01 };

        var groups = DefaultParamGroups.Build(model, solver);

        groups.Should().ContainSingle().Which.Name.Should().Be("default+bias");
        Names(model, groups[0]).Should().Equal("hidden.weight", "hidden.bias", "output.weight", "output.bias");
    }

    [Fact]
    public void An_SGD_step_applies_each_groups_learning_rate_and_weight_decay()
    {
        Torch.ManualSeed(0);
        using var model = new TinyNet();
        var solver = TinyRuns.Solver() with { BaseLr = 0.05, Momentum = 0, WeightDecay = 0.01, WeightDecayNorm = 0, WeightDecayBias = 0, BiasLrFactor = 2 };
        var groups = DefaultParamGroups.Build(model, solver);
        using var optimizer = OptimizerFactory.Create(groups, solver);
        var before = model.Snapshot();
        foreach (var (_, p) in model.NamedParameters())
            p.Grad = Torch.FullLike(p, 0.5);

        optimizer.Step();

        var after = model.Snapshot();
        Expect("hidden.weight", lr: 0.05, decay: 0.01);
        Expect("hidden.bias", lr: 0.1, decay: 0);
        Expect("norm.weight", lr: 0.05, decay: 0);
        Expect("norm.bias", lr: 0.1, decay: 0);

        void Expect(string name, double lr, double decay)
        {
            var expected = before[name].Select(p => (float)(p - lr * (0.5 + decay * p))).ToArray();
            for (var i = 0; i < expected.Length; i++)
                after[name][i].Should().BeApproximately(expected[i], 1e-7f, $"{name}[{i}]: p − lr·(g + wd·p)");
        }
    }

    private static List<string> Names(Module model, Panoptic.Torch.Optim.ParamGroup group) =>
        group.Parameters.Select(p => model.NamedParameters().First(kv => ReferenceEquals(kv.Value, p)).Key).ToList();
}
