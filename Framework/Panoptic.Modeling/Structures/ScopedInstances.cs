using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Modeling.Structures;

/// <summary>Moves the tensors of <see cref="Instances"/> out of a dispose scope, as <see cref="DisposeScope.MoveToOuter{T}"/> does for one tensor.</summary>
public static class ScopedInstances
{
    /// <summary>Moves every tensor field (and the tensors of <see cref="Boxes"/> and <see cref="BitMasks"/> fields) to the enclosing scope.</summary>
    public static Instances MoveToOuter(this DisposeScope scope, Instances instances)
    {
        foreach (var name in instances.FieldNames)
        {
            switch (instances.Get<object>(name))
            {
                case Tensor tensor:
                    scope.MoveToOuter(tensor);
                    break;
                case Boxes boxes:
                    scope.MoveToOuter(boxes.Tensor);
                    break;
                case BitMasks masks:
                    scope.MoveToOuter(masks.Tensor);
                    break;
            }
        }
        return instances;
    }

    /// <summary>Moves the tensors of every image's instances to the enclosing scope.</summary>
    public static IReadOnlyList<Instances> MoveToOuter(this DisposeScope scope, IReadOnlyList<Instances> instances)
    {
        foreach (var item in instances)
            scope.MoveToOuter(item);
        return instances;
    }
}
