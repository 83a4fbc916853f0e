using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Plugins;
using Panoptic.Core.Registry;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Xunit;

namespace Panoptic.Core.Tests.Registry;

public sealed class ComponentCatalogTests
{
    [Fact]
    public void Every_kind_of_the_issue_has_a_registry()
    {
        new ComponentCatalog().Kinds.Select(k => k.Name).Should().BeEquivalentTo(
            "meta_architecture", "backbone", "proposal_generator", "roi_feature_extractor", "roi_heads", "box_head", "mask_head",
            "semantic_head", "panoptic_fusion", "dataset", "transform", "evaluator", "lr_schedule", "hook");
    }

    [Fact]
    public void A_component_is_built_by_hand_or_from_options_through_its_registry()
    {
        var byHand = new StepSchedule(0.5, [10]);
        var registry = new LRScheduleRegistry(SampleCatalog.Create());

        var fromOptions = (StepSchedule)registry.Build("Step", SampleCatalog.Context(), new StepScheduleOptions { Gamma = 0.5 });
        var withDefaults = (StepSchedule)registry.Build(new ComponentSpec<ILRSchedule>("Step"), SampleCatalog.Context());

        fromOptions.Factor(15).Should().Be(byHand.Factor(15)).And.Be(0.5);
        fromOptions.Steps.Should().Equal(10, 20);
        withDefaults.Gamma.Should().Be(0.1);
    }

    [Fact]
    public void Registries_come_from_the_container_and_share_the_catalog()
    {
        var catalog = SampleCatalog.Create();
        using var services = new ServiceCollection().AddComponentRegistries(catalog).BuildServiceProvider();
        catalog.Services = services;

        var schedule = services.GetRequiredService<LRScheduleRegistry>().Build("Step", SampleCatalog.Context());

        schedule.Should().BeOfType<StepSchedule>();
        services.GetRequiredService<MaskHeadRegistry>().Components.Should().BeEmpty();
    }

    [Fact]
    public void A_declared_component_validates_but_cannot_be_built()
    {
        var catalog = SampleCatalog.Create();

        var descriptor = catalog.Find(catalog.KindNamed("lr_schedule"), "Sampler");
        var act = () => catalog.Create(descriptor, null, SampleCatalog.Context());

        descriptor.IsBuildable.Should().BeFalse();
        descriptor.OptionsType.Should().Be<SampleOptions>();
        act.Should().Throw<PluginException>().WithMessage("LR schedule 'Sampler' from Panoptic.Core.Tests declares its options only; no implementation of it is loaded");
    }

    [Fact]
    public void An_unknown_name_lists_the_nearest_names_and_the_locations_scanned()
    {
        var catalog = SampleCatalog.Create();

        var act = () => catalog.Find(catalog.KindNamed("lr_schedule"), "Stpe");

        act.Should().Throw<PluginException>().WithMessage(
            "unknown LR schedule 'Stpe'; did you mean 'Step'? (known: Sampler, Step; plugin locations scanned: /plugins/a (test); /plugins/b (test))");
    }

    [Fact]
    public void An_unknown_kind_suggests_the_nearest_kind()
    {
        var act = () => new ComponentCatalog().KindNamed("mask_haed");

        act.Should().Throw<PluginException>().WithMessage("unknown component kind 'mask_haed'; did you mean 'mask_head'?*");
    }

    [Fact]
    public void The_wrong_options_or_context_type_is_an_error()
    {
        var catalog = SampleCatalog.Create();
        var step = catalog.Find(catalog.KindNamed("lr_schedule"), "Step");

        FluentActions.Invoking(() => catalog.Create(step, new SampleOptions(), SampleCatalog.Context()))
            .Should().Throw<PluginException>().WithMessage("*takes StepScheduleOptions, not SampleOptions");
        FluentActions.Invoking(() => catalog.Create(step, null, "context"))
            .Should().Throw<PluginException>().WithMessage("*built with a LRScheduleContext, not a String");
    }

    [Component("Twice")]
    private sealed class TwiceA(StepScheduleOptions options, LRScheduleContext context) : ILRSchedule
    {
        public double Factor(int iteration) => options.Gamma + context.Gamma;
    }

    [Component("Twice")]
    private sealed class TwiceB(StepScheduleOptions options, LRScheduleContext context) : ILRSchedule
    {
        public double Factor(int iteration) => options.Gamma + context.Gamma;
    }

    [Fact]
    public void The_same_name_twice_in_one_assembly_is_an_error_naming_both_types()
    {
        var act = () => new ComponentCatalog().AddTypes([typeof(TwiceA), typeof(TwiceB)]);

        act.Should().Throw<PluginException>().WithMessage("LR schedule 'Twice' is declared twice in Panoptic.Core.Tests (*TwiceA and *TwiceB)");
    }

    [Component("NoKind")]
    private sealed class NoKind(StepScheduleOptions options)
    {
        public StepScheduleOptions Options { get; } = options;
    }

    [Component("NotAModule")]
    private sealed class NotAModule(StepScheduleOptions options) : IMaskHead
    {
        public StepScheduleOptions Options { get; } = options;

        public Tensor Forward(Tensor x) => x;
    }

    [Component("NoOptions")]
    private sealed class NoOptions : ILRSchedule
    {
        public double Factor(int iteration) => 1;
    }

    [Component("Loose")]
    private sealed record LooseOptions : ComponentOptions;

    private sealed record NamedOptions : ComponentOptions
    {
        public string Name { get; init; } = "";
    }

    [Component("Named")]
    private sealed class Named(NamedOptions options) : ILRSchedule
    {
        public double Factor(int iteration) => options.Name.Length;
    }

    [Theory]
    [InlineData(typeof(NoKind), "*NoKind*: it implements no component-kind interface*")]
    [InlineData(typeof(NotAModule), "*NotAModule*: a mask head must derive from Panoptic.Torch.NN.Module")]
    [InlineData(typeof(NoOptions), "*NoOptions*: no options constructor; add a public constructor taking its ComponentOptions record and a LRScheduleContext")]
    [InlineData(typeof(LooseOptions), "*on options record *LooseOptions*: set Kind*")]
    [InlineData(typeof(Named), "*NamedOptions has a key 'name', which component nodes reserve*")]
    public void Contract_violations_are_reported_at_registration(Type type, string message)
    {
        var act = () => new ComponentCatalog().AddTypes([type]);

        act.Should().Throw<PluginException>().WithMessage(message);
    }
}
