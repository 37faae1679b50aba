namespace Warta.Core.Model;

/// <summary>Kinds of named entity Warta tracks.</summary>
public enum EntityType
{
    Person,
    Place,
    Organisation,
}
