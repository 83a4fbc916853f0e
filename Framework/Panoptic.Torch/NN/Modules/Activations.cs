namespace Panoptic.Torch.NN.Modules;

/// <summary><c>torch.nn.ReLU</c>.</summary>
public sealed class ReLU(bool inplace = false) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => inplace ? input.Relu_().Alias() : input.Relu();
}

/// <summary><c>torch.nn.MaxPool2d</c> with square windows; stride defaults to the kernel size.</summary>
public sealed class MaxPool2d(long kernelSize, long? stride = null, long padding = 0, long dilation = 1, bool ceilMode = false)
    : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) =>
        Functional.MaxPool2d(input, (kernelSize, kernelSize), (stride ?? kernelSize, stride ?? kernelSize), (padding, padding), (dilation, dilation), ceilMode);
}
