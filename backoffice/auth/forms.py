from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from backoffice.auth.passwords import MAX_LENGTH as PASSWORD_MAX_LENGTH
from backoffice.forms import Form
from backoffice.i18n import N_
from backoffice.i18n import lazy_bilingual as label
from backoffice.i18n import lazy_plain_bilingual as both


class LoginForm(Form):
    username = StringField(label(N_("Username")), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(label(N_("Password")), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(both(N_("Sign in")))


class LogoutForm(Form):
    submit = SubmitField(both(N_("Sign out on every device")))


class PasswordChangeForm(Form):
    """The policy itself (backoffice.auth.passwords) is checked by the view, on the field."""

    current_password = PasswordField(label(N_("Current password")), validators=[
        DataRequired(both(N_("Give your current password."))),
        Length(max=PASSWORD_MAX_LENGTH)])
    new_password = PasswordField(label(N_("New password")), validators=[
        DataRequired(both(N_("Give a new password.")))])
    new_password_again = PasswordField(label(N_("New password again")), validators=[
        DataRequired(both(N_("Give the new password again."))),
        EqualTo("new_password", both(N_("The two new passwords differ.")))])
    submit = SubmitField(both(N_("Change password")))
