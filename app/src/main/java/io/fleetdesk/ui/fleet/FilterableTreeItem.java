package io.fleetdesk.ui.fleet;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TreeItem;

import java.util.function.Predicate;

/**
 * A tree item whose visible children are its source children filtered by a predicate; an item
 * stays visible when it matches or when anything below it does, so matching paths keep their
 * ancestors. The model works on {@link #sourceChildren()}; the tree shows {@link #getChildren()}.
 */
public final class FilterableTreeItem<T> extends TreeItem<T> {
    private final ObservableList<TreeItem<T>> source = FXCollections.observableArrayList();
    private final FilteredList<TreeItem<T>> filtered = new FilteredList<>(source);
    private final ObjectProperty<Predicate<T>> predicate = new SimpleObjectProperty<>();

    public FilterableTreeItem(T value) {
        super(value);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> child -> {
            if (child instanceof FilterableTreeItem<T> f) {
                f.predicate.set(predicate.get());
                if (!f.getChildren().isEmpty()) {
                    return true;
                }
            }
            Predicate<T> p = predicate.get();
            return p == null || p.test(child.getValue());
        }, predicate));
        Bindings.bindContent(getChildren(), filtered);
    }

    public ObservableList<TreeItem<T>> sourceChildren() {
        return source;
    }

    public ObjectProperty<Predicate<T>> predicateProperty() {
        return predicate;
    }

    /** Applies the predicate again (after values changed under an active filter). */
    public void refilter() {
        Predicate<T> p = predicate.get();
        predicate.set(null);
        predicate.set(p);
    }
}
