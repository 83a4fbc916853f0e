using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Module plumbing: state-dict names and order as PyTorch's, strict loading, dtype moves, train/eval.</summary>
public class ModuleTests
{
    private static RefValue R(string name) => Reference.Of("NN/modules.py")[name];

    /// <summary>The C# twin of modules.py's <c>Block</c>.</summary>
    private sealed class Block : Module<Tensor, Tensor>
    {
        public Block(long cin, long cout)
        {
            Conv = RegisterModule("conv", new Conv2d(cin, cout, 3, padding: 1, bias: false));
            Bn = RegisterModule("bn", new BatchNorm2d(cout));
            RegisterModule("relu", new ReLU());
        }

        public Conv2d Conv { get; }
        public BatchNorm2d Bn { get; }

        public override Tensor Forward(Tensor input)
        {
            using var scope = Torch.NewDisposeScope();
            return scope.MoveToOuter(Bn.Forward(Conv.Forward(input)).Relu());
        }
    }

    /// <summary>The C# twin of modules.py's <c>Net</c>.</summary>
    private sealed class Net : Module
    {
        public Net()
        {
            Stem = RegisterModule("stem", new Sequential(new Conv2d(3, 8, 3), new BatchNorm2d(8), new ReLU()));
            Layers = RegisterModule("layers", new ModuleList<Block>([new Block(8, 8), new Block(8, 16)]));
            RegisterModule("norm", new GroupNorm(4, 16));
            RegisterModule("frozen", new FrozenBatchNorm2d(16));
            RegisterModule("up", new ConvTranspose2d(16, 4, 2, stride: 2));
            Head = RegisterModule("head", new Linear(16, 10));
        }

        public Sequential Stem { get; }
        public ModuleList<Block> Layers { get; }
        public Linear Head { get; }
    }

    [Fact]
    public void State_dict_names_order_and_shapes_equal_PyTorchs_for_the_same_nested_module()
    {
        using var net = new Net();
        var sd = net.StateDict();
        sd.Select(kv => kv.Key).Should().Equal(R("net_keys").Items);
        sd.Select(kv => string.Join(",", kv.Value.Shape)).Should().Equal(R("net_shapes").Items);
        net.NamedParameters().Select(kv => kv.Key).Should().Equal(R("net_param_keys").Items);
        net.Parameters().Should().OnlyContain(p => p.RequiresGrad);
    }

    [Fact]
    public void Strict_loading_lists_missing_unexpected_and_mismatched_keys_by_name()
    {
        using var scope = Torch.NewDisposeScope();
        using var net = new Net();
        var sd = net.StateDict().Where(kv => kv.Key != "layers.1.bn.running_var")
            .Select(kv => kv.Key == "head.weight" ? new KeyValuePair<string, Tensor>(kv.Key, Torch.Zeros([10, 17])) : kv)
            .Append(new("layers.2.conv.weight", Torch.Zeros([1])))
            .ToList();
        var act = () => net.LoadStateDict(sd);
        act.Should().Throw<StateDictException>()
            .Where(e => e.Message.Contains("missing keys: layers.1.bn.running_var"))
            .Where(e => e.Message.Contains("unexpected keys: layers.2.conv.weight"))
            .Where(e => e.Message.Contains("size mismatch for head.weight: checkpoint [10, 17], model [10, 16]"));
        var lenient = () => net.LoadStateDict(sd.Where(kv => kv.Key != "head.weight"), strict: false);
        var result = lenient.Should().NotThrow().Subject;
        result.MissingKeys.Should().Equal("layers.1.bn.running_var", "head.weight");
        result.UnexpectedKeys.Should().Equal("layers.2.conv.weight");
        ((Action)(() => net.LoadStateDict(sd, strict: false))).Should().Throw<StateDictException>().WithMessage("*size mismatch for head.weight*");
    }

    [Fact]
    public void Loading_copies_values_into_the_existing_tensors_with_conversion()
    {
        using var scope = Torch.NewDisposeScope();
        using var a = new Linear(3, 2);
        using var b = new Linear(3, 2);
        var weight = b.Weight;
        b.LoadStateDict(a.StateDict().Select(kv => new KeyValuePair<string, Tensor>(kv.Key, kv.Value.To(DType.Float64))));
        b.Weight.Should().BeSameAs(weight);
        b.Weight.DType.Should().Be(DType.Float32);
        b.Weight.ToArray<float>().Should().Equal(a.Weight.ToArray<float>());
        b.Weight.IsLeaf.Should().BeTrue();
    }

    [Fact]
    public void To_float64_converts_parameters_and_float_buffers_in_place()
    {
        using var scope = Torch.NewDisposeScope();
        using var net = new Net();
        var head = net.Head.Weight;
        var before = TensorAssert.Values(head);
        net.To(Device.Cpu, DType.Float64);
        net.Head.Weight.Should().BeSameAs(head, "parameters keep their identity (optimizers hold them)");
        head.DType.Should().Be(DType.Float64);
        head.RequiresGrad.Should().BeTrue();
        head.IsLeaf.Should().BeTrue();
        TensorAssert.Values(head).Should().Equal(before);
        foreach (var (name, t) in net.StateDict())
            t.DType.Should().Be(name.EndsWith("num_batches_tracked") ? DType.Int64 : DType.Float64, name);
        var y = net.Head.Forward(Torch.Ones([2, 16], DType.Float64));
        y.DType.Should().Be(DType.Float64);
        y.Sum().Backward();
        head.Grad!.DType.Should().Be(DType.Float64);
    }

    [Fact]
    public void Train_and_eval_propagate_to_every_descendant()
    {
        using var net = new Net();
        net.Training.Should().BeTrue();
        net.Eval();
        net.NamedModules().Should().OnlyContain(m => !m.Value.Training);
        net.Layers[1].Train();
        net.Layers[1].Bn.Training.Should().BeTrue();
        net.Layers[0].Bn.Training.Should().BeFalse();
        net.Train();
        net.NamedModules().Should().OnlyContain(m => m.Value.Training);
        net.RequiresGrad_(false);
        net.Parameters().Should().OnlyContain(p => !p.RequiresGrad);
    }
}
