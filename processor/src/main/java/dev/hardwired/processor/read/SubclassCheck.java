package dev.hardwired.processor.read;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Whether the class written for a declaration can extend or implement the declared type, checked against
 * the written class before it is saved: the type must permit it if sealed; every abstract method the
 * type has must be one the class declares; and every method the class declares must override, implement or
 * hide what the type already has by that signature. What javac would otherwise report inside the generated
 * file becomes an error on the declaration, and the file is not written.
 */
public final class SubclassCheck {
  private final Elements elements;
  private final Types types;

  public SubclassCheck(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The problems of {@code declared} as the supertype of {@code written}, each a full message; none when
   * the class fits.
   *
   * @param generated the written class's name
   * @param networkInterface the runtime interface the written class implements
   */
  public List<String> problems(TypeElement declared, TypeSpec written, ClassName generated, Class<?> networkInterface) {
    List<String> problems = new ArrayList<>();
    String name = declared.getQualifiedName().toString();
    if (declared.getModifiers().contains(Modifier.SEALED)) {
      boolean permitted =
          declared.getPermittedSubclasses().stream()
              .anyMatch(t -> t.toString().equals(generated.canonicalName())
                  || t.toString().equals(generated.simpleName()));
      if (!permitted) {
        problems.add(Message.SEALED.format(name, generated.canonicalName()));
      }
    }
    DeclaredType type = (DeclaredType) declared.asType();
    TypeMirror network = elements.getTypeElement(networkInterface.getCanonicalName()).asType();
    List<MethodSpec> methods = written.methodSpecs().stream().filter(m -> !m.isConstructor()).collect(Collectors.toList());
    for (ExecutableElement inherited : ElementFilter.methodsIn(elements.getAllMembers(declared))) {
      Set<Modifier> modifiers = inherited.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || modifiers.contains(Modifier.STATIC) && inherited.getEnclosingElement().getKind() == ElementKind.INTERFACE) {
        continue; // neither is inherited
      }
      ExecutableType asMember = (ExecutableType) types.asMemberOf(type, inherited);
      MethodSpec match = null;
      for (MethodSpec method : methods) {
        if (method.name().equals(inherited.getSimpleName().toString()) && sameParameters(method, asMember)) {
          match = method;
        }
      }
      if (match == null) {
        if (modifiers.contains(Modifier.ABSTRACT) && !implementedByObject(inherited) && !implementedAbove(inherited, declared)) {
          problems.add(Message.ABSTRACT_METHOD.format(name, signature(inherited)));
        }
        continue;
      }
      String clash = clash(match, inherited, asMember, type, network, generated);
      if (clash != null) {
        problems.add(
            modifiers.contains(Modifier.FINAL)
                ? Message.FINAL_METHOD.format(name, signature(inherited))
                : modifiers.contains(Modifier.ABSTRACT)
                    ? Message.ABSTRACT_METHOD.format(name, signature(inherited))
                    : Message.MEMBER_CLASH.format(name, signature(inherited), describe(match), clash));
      }
    }
    return problems;
  }

  /** Why {@code method} of the written class cannot stand beside {@code inherited}, or null when it can. */
  private String clash(
      MethodSpec method,
      ExecutableElement inherited,
      ExecutableType asMember,
      DeclaredType declared,
      TypeMirror network,
      ClassName generated) {
    boolean ours = method.modifiers().contains(Modifier.STATIC);
    boolean theirs = inherited.getModifiers().contains(Modifier.STATIC);
    if (inherited.getModifiers().contains(Modifier.FINAL)) {
      return "it is final";
    }
    if (ours != theirs) {
      return ours ? "a static method cannot hide an instance method" : "an instance method cannot override a static one";
    }
    if (method.modifiers().contains(Modifier.PRIVATE)) {
      return "the generated one is private and would hide it";
    }
    if (!inherited.getTypeParameters().isEmpty()) {
      return "it is generic, and the generated one is not";
    }
    TypeMirror expected = types.erasure(asMember.getReturnType());
    if (!returns(method.returnType(), expected, declared, network, generated)) {
      return "the generated one returns " + method.returnType() + ", which is not a " + expected;
    }
    return null;
  }

  /** Whether a method returning {@code ours} may override or hide one returning {@code theirs}. */
  private boolean returns(TypeName ours, TypeMirror theirs, DeclaredType declared, TypeMirror network, ClassName generated) {
    if (ours.equals(generated)) {
      // The written class: a subtype of the declared type and of the network interface.
      return theirs.getKind() == TypeKind.DECLARED
          && (types.isSubtype(types.erasure(declared), theirs) || types.isSubtype(network, theirs));
    }
    TypeMirror mirror = mirror(ours);
    if (mirror == null) {
      return false;
    }
    if (mirror.getKind().isPrimitive() || mirror.getKind() == TypeKind.VOID || theirs.getKind().isPrimitive()
        || theirs.getKind() == TypeKind.VOID) {
      return types.isSameType(mirror, theirs);
    }
    return types.isSubtype(mirror, theirs);
  }

  private boolean sameParameters(MethodSpec method, ExecutableType inherited) {
    List<? extends TypeMirror> theirs = inherited.getParameterTypes();
    if (method.parameters().size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < theirs.size(); i++) {
      TypeMirror ours = mirror(method.parameters().get(i).type());
      if (ours == null || !types.isSameType(ours, types.erasure(theirs.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The type a written name stands for; null for one that does not exist yet (the written class). */
  private TypeMirror mirror(TypeName name) {
    if (name.equals(TypeName.VOID)) {
      return types.getNoType(TypeKind.VOID);
    }
    if (name.isPrimitive()) {
      return types.getPrimitiveType(TypeKind.valueOf(name.toString().toUpperCase(java.util.Locale.ROOT)));
    }
    if (name instanceof ArrayTypeName) {
      TypeMirror component = mirror(((ArrayTypeName) name).componentType());
      return component == null ? null : types.getArrayType(component);
    }
    if (name instanceof ClassName) {
      TypeElement element = elements.getTypeElement(((ClassName) name).canonicalName());
      return element == null ? null : types.erasure(element.asType());
    }
    return null;
  }

  /** An interface may redeclare {@code toString()}, {@code equals} or {@code hashCode()}: Object implements them. */
  private boolean implementedByObject(ExecutableElement method) {
    if (!method.getEnclosingElement().getKind().isInterface()) {
      return false; // an abstract class that redeclares one abstract takes Object's away
    }
    TypeElement object = elements.getTypeElement(Object.class.getCanonicalName());
    for (ExecutableElement candidate : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (candidate.getModifiers().contains(Modifier.PUBLIC)
          && elements.overrides(method, candidate, (TypeElement) method.getEnclosingElement())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method with a body that the declared type inherits implements {@code method}. */
  private boolean implementedAbove(ExecutableElement method, TypeElement declared) {
    for (ExecutableElement other : ElementFilter.methodsIn(elements.getAllMembers(declared))) {
      if (other != method && !other.getModifiers().contains(Modifier.ABSTRACT)
          && !other.getModifiers().contains(Modifier.STATIC) && elements.overrides(other, method, declared)) {
        return true;
      }
    }
    return false;
  }

  /** "void fly()", as the declaration writes it. */
  static String signature(ExecutableElement method) {
    return method.getReturnType() + " " + method.getSimpleName() + "("
        + method.getParameters().stream().map(p -> p.asType().toString()).collect(Collectors.joining(", "))
        + ")";
  }

  private static String describe(MethodSpec method) {
    return (method.modifiers().contains(Modifier.STATIC) ? "static " : "") + method.returnType() + " " + method.name()
        + "(" + method.parameters().stream().map(p -> p.type().toString()).collect(Collectors.joining(", ")) + ")";
  }
}
