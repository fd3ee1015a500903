"""The search field over the scope list and the endpoint picker."""
