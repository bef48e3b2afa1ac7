from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from backoffice.auth.passwords import MAX_LENGTH as PASSWORD_MAX_LENGTH


class LoginForm(FlaskForm):
    username = StringField("Username · 아이디", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password · 비밀번호", validators=[DataRequired(), Length(max=200)])
    submit = SubmitField("Sign in · 로그인")


class LogoutForm(FlaskForm):
    submit = SubmitField("모든 기기에서 로그아웃 · Sign out on every device")


class PasswordChangeForm(FlaskForm):
    """The policy itself (backoffice.auth.passwords) is checked by the view, on the field."""

    current_password = PasswordField("현재 비밀번호 · Current password", validators=[
        DataRequired("현재 비밀번호를 입력하세요 · give your current password"),
        Length(max=PASSWORD_MAX_LENGTH)])
    new_password = PasswordField("새 비밀번호 · New password", validators=[
        DataRequired("새 비밀번호를 입력하세요 · give a new password")])
    new_password_again = PasswordField("새 비밀번호 확인 · New password again", validators=[
        DataRequired("새 비밀번호를 한 번 더 입력하세요 · give the new password again"),
        EqualTo("new_password", "두 비밀번호가 다릅니다 · the two new passwords differ")])
    submit = SubmitField("비밀번호 변경 · Change password")
