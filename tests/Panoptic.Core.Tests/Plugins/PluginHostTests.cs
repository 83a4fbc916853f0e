using System.Runtime.Loader;
using FluentAssertions;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Engine;
using Panoptic.Abstractions.Plugins;
using Panoptic.Core.Plugins;
using Panoptic.Core.Registry;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Plugins;

public sealed class PluginHostTests
{
    private static (PluginHost Host, ComponentCatalog Catalog) Load(params string[] paths)
    {
        var host = new PluginHost();
        foreach (var path in paths)
            host.Load(path, "test");
        var catalog = new ComponentCatalog(() => host.ScannedLocations);
        foreach (var plugin in host.Plugins)
            catalog.AddAssembly(plugin.Assembly);
        return (host, catalog);
    }

    [Fact]
    public void A_plugin_built_in_another_folder_implements_the_hosts_interface()
    {
        var (host, catalog) = Load(TestPaths.TestPlugin(TestPaths.Greeting));

        var plugin = host.Plugins.Should().ContainSingle().Which;
        var schedule = new LRScheduleRegistry(catalog).Build("Constant", SampleCatalog.Context(250), null);

        plugin.Context.Should().NotBeSameAs(AssemblyLoadContext.Default);
        AssemblyLoadContext.GetLoadContext(schedule.GetType().Assembly).Should().BeSameAs(plugin.Context);
        schedule.Should().BeAssignableTo<ILRSchedule>("Panoptic.Abstractions is shared, so the interface is the host's type");
        schedule.GetType().GetInterfaces().Should().Contain(typeof(ILRSchedule));
        schedule.Factor(3).Should().Be(1.0);
        plugin.Context.Assemblies.Select(a => a.GetName().Name).Should().NotContain(["Panoptic.Abstractions", "Panoptic.Torch"]);
    }

    [Fact]
    public void A_plugins_own_nuget_dependency_loads_from_its_folder_into_its_context()
    {
        var folder = TestPaths.TestPlugin(TestPaths.Greeting);
        var (host, catalog) = Load(folder);

        var schedule = new LRScheduleRegistry(catalog).Build("Constant", SampleCatalog.Context(250), null);
        var json = (string)schedule.GetType().GetProperty("Json")!.GetValue(schedule)!;

        json.Should().Be("{\"factor\":1.0,\"maxIterations\":250}");
        typeof(PluginHost).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("Newtonsoft.Json", "the host does not reference it");
        var newtonsoft = host.Plugins[0].Context.Assemblies.Should().ContainSingle(a => a.GetName().Name == "Newtonsoft.Json").Which;
        newtonsoft.Location.Should().Be(Path.Combine(folder, "Newtonsoft.Json.dll"));
        newtonsoft.GetName().Version.Should().Be(new Version(13, 0, 0, 0));
        AssemblyLoadContext.GetLoadContext(newtonsoft).Should().BeSameAs(host.Plugins[0].Context);
        AssemblyLoadContext.Default.Assemblies.Should().NotContain(newtonsoft, "the test runner's own Newtonsoft.Json (if loaded) is another copy");
    }

    [Fact]
    public void A_folder_of_plugin_folders_loads_each_and_a_shared_name_is_ambiguous()
    {
        var (host, catalog) = Load(Path.Combine(AppContext.BaseDirectory, "test-plugins"));
        var kind = catalog.KindNamed("lr_schedule");

        host.Plugins.Select(p => p.Assembly.GetName().Name).Should().BeEquivalentTo(TestPaths.Greeting, TestPaths.Clash, TestPaths.TinyModel);
        host.Plugins.Select(p => p.Context).Distinct().Should().HaveCount(3, "one context per plugin folder");
        var act = () => catalog.Find(kind, "Constant");
        act.Should().Throw<PluginException>().WithMessage(
            $"LR schedule 'Constant' is defined by {TestPaths.Clash} (*) and {TestPaths.Greeting} (*); name one as '{TestPaths.Clash}:Constant' or '{TestPaths.Greeting}:Constant'");
        catalog.Find(kind, $"{TestPaths.Clash}:Constant").AssemblyName.Should().Be(TestPaths.Clash);
    }

    [Fact]
    public void The_same_plugin_from_two_folders_is_a_duplicate_naming_both_locations()
    {
        using var temp = new TempDirectory();
        var copy = Path.Combine(temp.Path, TestPaths.Greeting);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(TestPaths.TestPlugin(TestPaths.Greeting)))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));

        var act = () => Load(TestPaths.TestPlugin(TestPaths.Greeting), copy);

        act.Should().Throw<PluginException>().WithMessage(
            $"LR schedule 'Constant' is declared by two copies of {TestPaths.Greeting}: *test-plugins*{TestPaths.Greeting}.dll and {copy}*");
    }

    [Fact]
    public void A_dll_path_loads_that_assembly_once()
    {
        var dll = Path.Combine(TestPaths.TestPlugin(TestPaths.Greeting), TestPaths.Greeting + ".dll");
        var host = new PluginHost();

        host.Load(dll, "a");
        host.Load(TestPaths.TestPlugin(TestPaths.Greeting), "b");

        host.Plugins.Should().ContainSingle().Which.Origin.Should().Be("a");
    }

    [Fact]
    public void A_missing_path_names_the_path_and_where_it_was_given()
    {
        var act = () => new PluginHost().Load("/no/such/plugin", "config.yaml:3:5");

        act.Should().Throw<PluginException>().WithMessage("plugin path '/no/such/plugin' (config.yaml:3:5) does not exist*");
    }

    [Fact]
    public void An_empty_folder_is_not_a_plugin()
    {
        using var temp = new TempDirectory();

        var act = () => new PluginHost().Load(temp.Path, "--plugin");

        act.Should().Throw<PluginException>().WithMessage("*holds no plugin assembly and no plugin folders*");
    }

    [Fact]
    public void The_shared_set_holds_the_contracts_and_their_references()
    {
        SharedAssemblies.Default.Names.Should().Contain(["Panoptic.Abstractions", "Panoptic.Torch", "Microsoft.Extensions.DependencyInjection.Abstractions", "System.Runtime"]);
        SharedAssemblies.Default.Names.Should().Contain(["Panoptic.Core", "Panoptic.Evaluation"], "built-in plugins build on the host's readers and data pipeline");
        SharedAssemblies.Default.Names.Should().NotContain(["YamlDotNet", "Newtonsoft.Json"], "the host libraries' own dependencies stay private to each plugin");
    }

    [Fact]
    public void Native_libraries_are_probed_with_platform_prefixes_and_suffixes()
    {
        PluginLoadContext.NativeCandidates("roi_ops").Should().Equal("roi_ops", "roi_ops.so", "roi_ops.dylib", "roi_ops.dll", "libroi_ops", "libroi_ops.so", "libroi_ops.dylib", "libroi_ops.dll");
        PluginLoadContext.NativeCandidates("libtorch_cpu.so").Should().Equal("libtorch_cpu.so");
    }

    [Fact]
    public void Plugin_components_show_in_the_listing_with_their_schema()
    {
        var (_, catalog) = Load(TestPaths.TestPlugin(TestPaths.Greeting));

        var text = ComponentListing.Write(catalog.All);

        text.Should().Contain("lr_schedule (ILRSchedule, built with LRScheduleContext)");
        text.Should().Contain($"  Constant  {TestPaths.Greeting} 1.0.0");
        text.Should().Contain("    factor: number = 1.0  [range [0, 10]]  — The factor returned at every iteration.");
    }
}
