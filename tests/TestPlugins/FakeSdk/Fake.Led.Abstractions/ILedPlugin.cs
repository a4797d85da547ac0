namespace Led.Abstractions.Plugins;

public interface ILedPlugin
{
    void Register(object builder);
}
