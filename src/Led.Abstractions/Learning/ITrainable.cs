using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>A component trained by gradient descent, alone or end to end; its parameters live in <see cref="Module"/>.</summary>
public interface ITrainable
{
    torch.nn.Module Module { get; }
}
