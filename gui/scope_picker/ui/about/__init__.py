"""Help > About Scope Picker."""
