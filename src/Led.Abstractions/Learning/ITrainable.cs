using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>A component trained by gradient descent, alone or end to end; its parameters live in <see cref="Module"/>.</summary>
public interface ITrainable
{
    /// <summary>
    /// The component's module. End-to-end training registers it inside a parent module, which calls its
    /// <c>RegisterComponents</c>: a module that registers its submodules by name itself (<c>register_module</c>) must
    /// override <c>RegisterComponents</c> with an empty body, or its fields are registered a second time and its saved
    /// state no longer loads.
    /// </summary>
    torch.nn.Module Module { get; }
}
